package dev.dmbot.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Named factories for webhook deliveries, filled from the templates under
 * {@code src/test/resources/webhook/}. Each call gets a fresh message id; the sender is
 * the one given, so tests never share a conversation.
 */
public final class WebhookPayloads {

	public static final String ACCOUNT = "17841405822304914";

	private final String sender;

	private long timestamp = System.currentTimeMillis();

	public WebhookPayloads(String sender) {
		this.sender = sender;
	}

	public static WebhookPayloads from(String sender) {
		return new WebhookPayloads(sender);
	}

	public static String newSender() {
		return Long.toString(1_000_000_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffffffffffL));
	}

	public String sender() {
		return this.sender;
	}

	/** Sends the following events as if written at this epoch-millisecond time. */
	public WebhookPayloads at(long epochMillis) {
		this.timestamp = epochMillis;
		return this;
	}

	public Delivery textMessage(String text) {
		return fill("text-message", text, null);
	}

	public Delivery quickReply(String title, String payload) {
		return fill("quick-reply", title, payload);
	}

	public Delivery postback(String title, String payload) {
		return fill("postback", title, payload);
	}

	public Delivery storyMention() {
		return fill("story-mention", null, null);
	}

	public Delivery storyReply(String text) {
		return fill("story-reply", text, null);
	}

	public Delivery referral(String ref) {
		return fill("referral", null, ref);
	}

	/**
	 * The first message someone writes after tapping a click-to-Direct ad: a message that
	 * carries the ad's id in its referral.
	 */
	public Delivery adMessage(String text, String adId) {
		return fill("ad-message", text, adId);
	}

	public Delivery image() {
		return fill("image", null, null);
	}

	public Delivery echo(String text) {
		return fill("echo", text, null);
	}

	public Delivery read() {
		return fill("read", null, null);
	}

	public Delivery reaction() {
		return fill("reaction", null, null);
	}

	public Delivery standbyMessage(String text) {
		return fill("standby-message", text, null);
	}

	/**
	 * A comment on a reel by {@code sender}, as Meta sends it (a comment has no message
	 * id, so this is a body, not a {@link Delivery}).
	 */
	public static byte[] comment(String commentId, String sender, String text, String media, long atMillis) {
		String body = read("comment").replace("{{account}}", ACCOUNT)
			.replace("{{time}}", Long.toString(atMillis / 1000))
			.replace("{{comment}}", commentId)
			.replace("{{sender}}", sender)
			.replace("{{text}}", text)
			.replace("{{media}}", media);
		return body.strip().getBytes(StandardCharsets.UTF_8);
	}

	private Delivery fill(String template, String text, String payload) {
		String mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZA" + UUID.randomUUID().toString().replace("-", "");
		Map<String, String> values = Map.of("account", ACCOUNT, "sender", this.sender, "mid", mid, "timestamp",
				Long.toString(this.timestamp), "text", text == null ? "" : escape(text), "payload",
				payload == null ? "" : escape(payload));
		String body = read(template);
		for (Map.Entry<String, String> value : values.entrySet()) {
			body = body.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		return new Delivery(body.strip().getBytes(StandardCharsets.UTF_8), mid);
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String read(String template) {
		try (InputStream in = WebhookPayloads.class.getResourceAsStream("/webhook/" + template + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A delivery body and the message id in it. */
	public record Delivery(byte[] body, String mid) {

		public String json() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
