package dev.dmbot.server.conversation;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.context.ConversationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyRendererTest {

	@Test
	void knownVariablesAreFilledAndUnknownOnesTakeTheirDefault() {
		ConversationContext context = new ConversationContext("a", "s", null, null, "browsing", null, 0, 0, Set.of(),
				Map.of("first_name", "Ana", "last_viewed_product", "oak side table"));

		assertThat(ReplyRenderer.render(
				"Hi {{first_name|there}}! Still thinking about the {{attr.last_viewed_product|piece}}?", context,
				"pricing"))
			.isEqualTo("Hi Ana! Still thinking about the oak side table?");
		assertThat(ReplyRenderer.render("Hi {{ username | there }}!", context, "x")).isEqualTo("Hi there!");
	}

	@Test
	void aVariableWithoutValueOrDefaultLeavesNoBracesOrGaps() {
		ConversationContext context = ConversationContext.newContact("a", "s");

		assertThat(ReplyRenderer.render("Hi {{first_name}}, welcome!", context, "greeting")).isEqualTo("Hi, welcome!");
	}

}
