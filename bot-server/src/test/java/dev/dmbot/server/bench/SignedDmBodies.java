package dev.dmbot.server.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes pre-signed webhook deliveries for the whole-server load driver
 * ({@code bot-server/bench/measure.sh}, which sends them with {@code wrk} and
 * {@code bot-server/bench/signed-dms.lua}). {@code wrk}'s Lua cannot afford an
 * HMAC-SHA256 per request, so the signatures are computed here, once.
 * <p>
 * Workload: {@code count} text DMs, each its own delivery, filled from the test template
 * {@code webhook/text-message.json} (the one {@code support/WebhookPayloads} fills), from
 * {@code senders} senders in turn, cycling through the six questions the Java
 * {@code LoadDriver} asks, every one with a distinct message id (so that dedup drops
 * none) and stamped with the time of generation (so that none is stale). Output: one line
 * per delivery, {@code sha256=<hex HMAC-SHA256 of the body with the app secret>}, a tab,
 * then the raw body exactly as it must be sent.
 * <p>
 * Run from the repository root (JDK only, no build needed):
 * {@code java bot-server/src/test/java/dev/dmbot/server/bench/SignedDmBodies.java --out /tmp/dms.tsv --count 100000 --senders 10000}
 * <br>
 * Options: {@code --out FILE} (required), {@code --count N} (60,000), {@code --senders N}
 * (2,000), {@code --prefix P} (message ids and sender ids start with it; use a new one
 * per run so that a reused Redis does not deduplicate), {@code --sender-prefix P} (sender
 * ids start with it instead: further DMs of senders written before), {@code --text T}
 * (every DM says T instead of the six questions), {@code --secret S}
 * ({@code sandbox-app-secret}), {@code --account ID} ({@code 17841400000000000}, the
 * sandbox account), {@code --template FILE}
 * ({@code bot-server/src/test/resources/webhook/text-message.json}, or the test class
 * path's copy when run there).
 */
public final class SignedDmBodies {

	static final String[] TEXTS = { "how much is shipping to Porto?", "do you have the oak side table in stock",
			"what are your opening hours", "hi there!", "I want to return my order", "thanks a lot" };

	private SignedDmBodies() {
	}

	public static void main(String[] args) throws IOException, GeneralSecurityException {
		Map<String, String> options = options(args);
		Path out = Path.of(required(options, "out"));
		int count = Integer.parseInt(options.getOrDefault("count", "60000"));
		int senders = Integer.parseInt(options.getOrDefault("senders", "2000"));
		String prefix = options.getOrDefault("prefix", "bench" + System.currentTimeMillis());
		String secret = options.getOrDefault("secret", "sandbox-app-secret");
		String account = options.getOrDefault("account", "17841400000000000");
		if (count < 1 || senders < 1) {
			throw new IllegalArgumentException("count and senders must be positive: " + count + ", " + senders);
		}
		String senderPrefix = options.getOrDefault("sender-prefix", prefix);
		String[] texts = options.containsKey("text") ? new String[] { options.get("text") } : TEXTS;
		write(out, count, senders, prefix, senderPrefix, texts, secret, account, template(options.get("template")));
		System.out.printf("%d signed DMs from %d senders written to %s%n", count, senders, out);
	}

	/**
	 * Writes {@code count} signed DMs to {@code out}: sender
	 * {@code prefix-s<i % senders>}, message id {@code prefix-m<i>}, the six questions in
	 * turn, one line each.
	 */
	static void write(Path out, int count, int senders, String prefix, String secret, String account, String template)
			throws IOException, GeneralSecurityException {
		write(out, count, senders, prefix, prefix, TEXTS, secret, account, template);
	}

	/**
	 * Writes {@code count} signed DMs to {@code out}: sender
	 * {@code senderPrefix-s<i % senders>}, message id {@code prefix-m<i>}, {@code texts}
	 * in turn, one line each.
	 */
	static void write(Path out, int count, int senders, String prefix, String senderPrefix, String[] texts,
			String secret, String account, String template) throws IOException, GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		HexFormat hex = HexFormat.of();
		long timestamp = System.currentTimeMillis();
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				String body = template.replace("{{account}}", account)
					.replace("{{sender}}", senderPrefix + "-s" + (i % senders))
					.replace("{{mid}}", prefix + "-m" + i)
					.replace("{{timestamp}}", Long.toString(timestamp))
					.replace("{{text}}", escape(texts[i % texts.length]));
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				writer.write("sha256=");
				writer.write(hex.formatHex(mac.doFinal(bytes)));
				writer.write('\t');
				writer.write(body);
				writer.write('\n');
			}
		}
	}

	/**
	 * The template on one line: a body is sent exactly as written, and the output keeps
	 * one body per line.
	 */
	static String template(String file) throws IOException {
		String text;
		if (file != null) {
			text = Files.readString(Path.of(file));
		}
		else {
			try (InputStream in = SignedDmBodies.class.getResourceAsStream("/webhook/text-message.json")) {
				text = (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
						: Files.readString(Path.of("bot-server/src/test/resources/webhook/text-message.json"));
			}
		}
		String body = text.strip();
		if (body.contains("\n") || body.contains("\t")) {
			throw new IllegalArgumentException("The template must be one line without tabs: " + file);
		}
		return body;
	}

	/** The text as a JSON string's content, as the webhook fixtures write it. */
	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

}
