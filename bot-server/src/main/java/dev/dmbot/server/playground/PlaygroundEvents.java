package dev.dmbot.server.playground;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.dmbot.server.platform.events.EventKind;

/**
 * Builds webhook deliveries shaped exactly as Meta sends them, for what a playground
 * visitor typed or tapped. The playground sends the events a Tests sheet turn may send
 * ({@link EventKind#inTests()}); the page calls a message {@code text} and an attachment
 * {@code image}, the others by their rule name.
 */
final class PlaygroundEvents {

	/**
	 * Meta's shape of each event the playground sends, in the order messages list them.
	 */
	private static final Map<EventKind, Function<Typed, Map<String, Object>>> SHAPES = shapes();

	private PlaygroundEvents() {
	}

	static Map<String, Object> delivery(String accountId, PlaygroundMessage message, long now) {
		EventKind kind = kind(message.kind()).orElseThrow(
				() -> new IllegalArgumentException("Unknown kind '" + message.kind() + "': use " + accepted()));
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("sender", Map.of("id", message.sender()));
		item.put("recipient", Map.of("id", accountId));
		item.put("timestamp", now);
		String mid = "playground." + UUID.randomUUID();
		String text = message.text() == null ? "" : message.text();
		item.putAll(SHAPES.get(kind).apply(new Typed(mid, text, nonNull(message.payload()))));
		return Map.of("object", "instagram", "entry",
				List.of(Map.of("id", accountId, "time", now, "messaging", List.of(item))));
	}

	/** The events the playground can send. */
	static Set<EventKind> kinds() {
		return SHAPES.keySet();
	}

	/** The name the page uses for an event. */
	static String name(EventKind kind) {
		return switch (kind) {
			case MESSAGE -> "text";
			case ATTACHMENT -> "image";
			default -> kind.ruleName();
		};
	}

	private static Optional<EventKind> kind(String name) {
		if (name == null) {
			return Optional.of(EventKind.MESSAGE);
		}
		return SHAPES.keySet().stream().filter((kind) -> name(kind).equals(name)).findFirst();
	}

	/** The names the page may send, as in "text, quick_reply, … or image". */
	private static String accepted() {
		List<String> names = SHAPES.keySet().stream().map(PlaygroundEvents::name).toList();
		return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
				+ names.get(names.size() - 1);
	}

	private static Map<EventKind, Function<Typed, Map<String, Object>>> shapes() {
		Map<EventKind, Function<Typed, Map<String, Object>>> shapes = new LinkedHashMap<>();
		shapes.put(EventKind.MESSAGE, (typed) -> Map.of("message", Map.of("mid", typed.mid(), "text", typed.text())));
		shapes.put(EventKind.QUICK_REPLY, (typed) -> Map.of("message",
				Map.of("mid", typed.mid(), "text", typed.text(), "quick_reply", Map.of("payload", typed.payload()))));
		shapes.put(EventKind.POSTBACK, (typed) -> Map.of("postback",
				Map.of("mid", typed.mid(), "title", typed.text(), "payload", typed.payload())));
		shapes.put(EventKind.STORY_MENTION, (typed) -> Map.of("message", Map.of("mid", typed.mid(), "attachments",
				List.of(Map.of("type", "story_mention", "payload", Map.of("url", "https://example.com/story.jpg"))))));
		shapes.put(EventKind.STORY_REPLY,
				(typed) -> Map.of("message", Map.of("mid", typed.mid(), "text", typed.text(), "reply_to",
						Map.of("story", Map.of("url", "https://example.com/story.jpg", "id", "18044444444444444")))));
		shapes.put(EventKind.REFERRAL, (typed) -> Map.of("referral",
				Map.of("ref", typed.payload(), "source", "SHORTLINK", "type", "OPEN_THREAD")));
		shapes.put(EventKind.ATTACHMENT, (typed) -> Map.of("message", Map.of("mid", typed.mid(), "attachments",
				List.of(Map.of("type", "image", "payload", Map.of("url", "https://example.com/photo.jpg"))))));
		return Collections.unmodifiableMap(shapes);
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	/** What the visitor typed, with the message id the delivery gives it. */
	private record Typed(String mid, String text, String payload) {
	}

}
