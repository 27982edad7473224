package dev.dmbot.server.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bad webhook bodies for fuzzing, from a seeded random source so a failure can be
 * replayed: random bytes (invalid UTF-8 included), the shipped sample deliveries with
 * bytes flipped, cut, repeated or spliced with odd Unicode, values swapped for huge
 * strings, and deep nesting.
 */
public final class Mutations {

	private static final String[] SAMPLES = { "text-message", "quick-reply", "postback", "story-mention", "story-reply",
			"referral", "image", "echo", "read", "reaction", "standby-message", "comment", "ad-message" };

	private static final String[] ODD = { "\u0000", "\uFFFF", "\uD83D\uDE00", "\u202E", "\uFEFF", "\\u0000", "\\uD800",
			"\"", "\\", "{", "]", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u0301\u0301\u0301", "null", "-1e999999",
			"1234567890123456789012345678901234567890" };

	private final Random random;

	private final List<byte[]> samples = new ArrayList<>();

	public Mutations(long seed) {
		this.random = new Random(seed);
		for (String sample : SAMPLES) {
			this.samples.add(filled(read(sample)).getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The next bad body. */
	public byte[] next() {
		return switch (this.random.nextInt(8)) {
			case 0 -> randomBytes(this.random.nextInt(2000));
			case 1 -> flipped(sample());
			case 2 -> cut(sample());
			case 3 -> spliced(sample());
			case 4 -> repeated(sample());
			case 5 -> huge(sample());
			case 6 -> nested(1 + this.random.nextInt(5000));
			default -> spliced(flipped(sample()));
		};
	}

	private byte[] sample() {
		return this.samples.get(this.random.nextInt(this.samples.size())).clone();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private byte[] flipped(byte[] body) {
		for (int i = 0, n = 1 + this.random.nextInt(8); i < n && body.length > 0; i++) {
			body[this.random.nextInt(body.length)] = (byte) this.random.nextInt(256);
		}
		return body;
	}

	private byte[] cut(byte[] body) {
		return java.util.Arrays.copyOf(body, this.random.nextInt(Math.max(1, body.length)));
	}

	private byte[] spliced(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		int at = this.random.nextInt(text.length() + 1);
		return (text.substring(0, at) + ODD[this.random.nextInt(ODD.length)] + text.substring(at))
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] repeated(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		int from = this.random.nextInt(text.length());
		int to = Math.min(text.length(), from + this.random.nextInt(200));
		String piece = text.substring(from, to);
		return (text.substring(0, to) + piece.repeat(1 + this.random.nextInt(50)) + text.substring(to))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A string value replaced by one of up to 900 kB: under the 1 MiB limit. */
	private byte[] huge(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		String big = ODD[this.random.nextInt(3) + 2].repeat(1 + this.random.nextInt(200_000));
		return text
			.replaceFirst("\"(text|title|payload|mid|ref)\":\"[^\"]*\"",
					"\"$1\":\"" + big.replace("\\", "\\\\").replace("$", "\\$") + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] nested(int depth) {
		String open = this.random.nextBoolean() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		return ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"messaging\":[" + open.repeat(depth) + "1"
				+ close.repeat(depth) + "]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String filled(String template) {
		return template.replace("{{account}}", "17841405822304914")
			.replace("{{sender}}", "1254477777772919")
			.replace("{{mid}}", "aWdfZAG1fuzz")
			.replace("{{timestamp}}", Long.toString(System.currentTimeMillis()))
			.replace("{{text}}", "how much is shipping to Porto?")
			.replace("{{payload}}", "ICEBREAKER_SHIPPING");
	}

	private static String read(String sample) {
		try (InputStream in = Mutations.class.getResourceAsStream("/webhook/" + sample + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("no sample /webhook/" + sample + ".json", ex);
		}
	}

}
