package dev.dmbot.server.workbook;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTemplateTest {

	@Test
	void knownVariablesAreFilledAndUnknownOnesTakeTheirDefault() {
		Map<String, String> attributes = Map.of("first_name", "Ana", "last_viewed_product", "oak side table");

		assertThat(ReplyTemplate.render(
				"Hi {{first_name|there}}! Still thinking about the {{attr.last_viewed_product|piece}}?", attributes,
				"browsing", "pricing"))
			.isEqualTo("Hi Ana! Still thinking about the oak side table?");
		assertThat(ReplyTemplate.render("Hi {{ username | there }}!", attributes, "browsing", "x"))
			.isEqualTo("Hi there!");
		assertThat(
				ReplyTemplate.render("You are {{state}}, asking about {{intent}}.", attributes, "browsing", "pricing"))
			.isEqualTo("You are browsing, asking about pricing.");
	}

	@Test
	void aVariableWithoutValueOrDefaultLeavesNoBracesOrGaps() {
		assertThat(ReplyTemplate.render("Hi {{first_name}}, welcome!", Map.of(), "", "greeting"))
			.isEqualTo("Hi, welcome!");
	}

}
