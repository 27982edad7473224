package dev.dmbot.server.playground;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.platform.events.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The playground sends the events a Tests sheet turn may send, in Meta's shapes. */
class PlaygroundEventsTest {

	@Test
	void thePlaygroundSendsExactlyTheEventsATestTurnMaySend() {
		assertThat(PlaygroundEvents.kinds())
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(EventKind.values()).filter(EventKind::inTests).toList());
		for (EventKind kind : PlaygroundEvents.kinds()) {
			Map<String, Object> delivery = PlaygroundEvents.delivery("17841400000000000",
					new PlaygroundMessage("pg1", PlaygroundEvents.name(kind), "hi", "PAYLOAD"), 1L);
			assertThat(delivery).containsEntry("object", "instagram");
		}
	}

	@Test
	void aMessageIsTextAndAnAttachmentAnImageAndNoKindIsText() {
		assertThat(PlaygroundEvents.name(EventKind.MESSAGE)).isEqualTo("text");
		assertThat(PlaygroundEvents.name(EventKind.ATTACHMENT)).isEqualTo("image");
		assertThat(PlaygroundEvents.name(EventKind.STORY_MENTION)).isEqualTo("story_mention");
		Map<String, Object> delivery = PlaygroundEvents.delivery("1", new PlaygroundMessage("pg1", null, "hi", null),
				1L);
		assertThat(message(delivery)).containsEntry("text", "hi").containsKey("mid");
	}

	@Test
	void anUnknownKindIsRefusedWithTheNamesAsBefore() {
		assertThatThrownBy(
				() -> PlaygroundEvents.delivery("1", new PlaygroundMessage("pg1", "telepathy", "hi", null), 1L))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Unknown kind 'telepathy': use text, quick_reply, postback, story_mention, story_reply, "
					+ "referral or image");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> item(Map<String, Object> delivery) {
		Map<String, Object> entry = ((List<Map<String, Object>>) delivery.get("entry")).get(0);
		return ((List<Map<String, Object>>) entry.get("messaging")).get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> message(Map<String, Object> delivery) {
		return (Map<String, Object>) item(delivery).get("message");
	}

}
