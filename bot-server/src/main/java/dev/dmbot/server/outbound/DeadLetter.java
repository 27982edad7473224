package dev.dmbot.server.outbound;

import java.util.Map;

/**
 * A reply Meta did not take after the last try, as the dead-letter stream keeps it.
 *
 * @param id the stream entry id
 * @param fields the entry as stored: account, recipient, reference, body, error, at
 * @param body the Send API body (or, for a public comment reply, {@code comment_id} and
 * {@code message})
 */
record DeadLetter(String id, Map<String, String> fields, Map<String, Object> body) {

	DeadLetter {
		fields = Map.copyOf(fields);
		body = Map.copyOf(body);
	}

	String account() {
		return this.fields.get("account");
	}

	String recipient() {
		return this.fields.get("recipient");
	}

	String error() {
		return this.fields.get("error");
	}

	int replays() {
		return Integer.parseInt(this.fields.getOrDefault("replays", "0"));
	}

	/** A public answer under a comment, sent with the comments API, not the Send API. */
	boolean publicCommentReply() {
		return !this.body.containsKey("recipient") && this.body.containsKey("comment_id");
	}

	/** The text the customer would read, for people looking at the list. */
	String text() {
		Object message = this.body.get("message");
		if (message instanceof Map<?, ?> map) {
			Object text = map.get("text");
			return (text != null) ? text.toString() : null;
		}
		return (message != null) ? message.toString() : null;
	}

}
