package dev.dmbot.server.playground;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds webhook deliveries shaped exactly as Meta sends them, for what a playground
 * visitor typed or tapped.
 */
final class PlaygroundEvents {

	private PlaygroundEvents() {
	}

	static Map<String, Object> delivery(String accountId, PlaygroundMessage message, long now) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("sender", Map.of("id", message.sender()));
		item.put("recipient", Map.of("id", accountId));
		item.put("timestamp", now);
		String mid = "playground." + UUID.randomUUID();
		String text = message.text() == null ? "" : message.text();
		switch (message.kind() == null ? "text" : message.kind()) {
			case "quick_reply" -> item.put("message",
					Map.of("mid", mid, "text", text, "quick_reply", Map.of("payload", nonNull(message.payload()))));
			case "postback" ->
				item.put("postback", Map.of("mid", mid, "title", text, "payload", nonNull(message.payload())));
			case "story_mention" -> item.put("message", Map.of("mid", mid, "attachments", List
				.of(Map.of("type", "story_mention", "payload", Map.of("url", "https://example.com/story.jpg")))));
			case "story_reply" -> item.put("message", Map.of("mid", mid, "text", text, "reply_to",
					Map.of("story", Map.of("url", "https://example.com/story.jpg", "id", "18044444444444444"))));
			case "referral" -> item.put("referral",
					Map.of("ref", nonNull(message.payload()), "source", "SHORTLINK", "type", "OPEN_THREAD"));
			case "image" -> item.put("message", Map.of("mid", mid, "attachments",
					List.of(Map.of("type", "image", "payload", Map.of("url", "https://example.com/photo.jpg")))));
			case "text" -> item.put("message", Map.of("mid", mid, "text", text));
			default -> throw new IllegalArgumentException("Unknown kind '" + message.kind()
					+ "': use text, quick_reply, postback, story_mention, story_reply, referral or image");
		}
		return Map.of("object", "instagram", "entry",
				List.of(Map.of("id", accountId, "time", now, "messaging", List.of(item))));
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

}
