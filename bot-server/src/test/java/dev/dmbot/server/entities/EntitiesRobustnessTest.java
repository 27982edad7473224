package dev.dmbot.server.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * No parser throws, whatever it is fed: null, empty, emoji, lone surrogates, 10 kB
 * strings, strings built to make a backtracking regular expression explode, and seeded
 * random mutations of real messages.
 */
class EntitiesRobustnessTest {

	private static final String[] FRAGMENTS = { "ana.costa@gmail.com", "912 345 678", "+34 612 34 56 78",
			"00351 912345678", "around 15k", "15 000€", "€2.500", "2,5 mil", "$1,200.50", "1.5M", "10-15k",
			"under 5000", "12/03/2027", "12 de março", "next Friday", "próxima sexta", "el próximo viernes",
			"in 2 weeks", "daqui a 3 dias", "dentro de un mes", "asap", "mañana", "😀", "👨‍👩‍👧", "\u0301", "\uD800",
			"\uDFFF", "\u202E", "\u00A0", "\u2009", "@", ".", ",", "-", "/", " ", "\n", "\t", "de ", "k", "mil", "0",
			"9", "€", "$", "İ", "ß", "ﬁ", "\u0000" };

	private final Entities entities = Entities.of(DateParserTest.TUESDAY_24_NOVEMBER_2026, DateParserTest.LISBON, "PT",
			"EUR");

	private final EmailParser emails = new EmailParser();

	private final PhoneParser phones = new PhoneParser("PT");

	private final MoneyParser money = new MoneyParser("EUR");

	private final DateParser dates = new DateParser(DateParserTest.TUESDAY_24_NOVEMBER_2026, DateParserTest.LISBON);

	private final NumberParser numbers = new NumberParser();

	static Stream<String> hostileInputs() {
		return Stream.of(null, "", " ", "\uD800", "😀".repeat(2_000), "1".repeat(10_000), "1,".repeat(5_000),
				"1 ".repeat(5_000), "1.1".repeat(3_000), "a@".repeat(5_000), "@".repeat(10_000),
				"a".repeat(10_000) + "@", "a.".repeat(5_000) + "@gmail.com", "12/".repeat(3_000), "de ".repeat(3_000),
				"around ".repeat(1_500) + "5", "k1".repeat(5_000), "€".repeat(10_000), "+".repeat(10_000),
				"0".repeat(30_000), "next ".repeat(2_000), "in 2 ".repeat(2_000), "\u0301".repeat(10_000),
				"9 1 2 3 4 5 6 7 8 ".repeat(500), "x".repeat(19_999) + "😀");
	}

	@ParameterizedTest
	@MethodSource("hostileInputs")
	void hostileInputIsAnsweredWithoutThrowing(String text) {
		exerciseEveryParser(text);
	}

	@Test
	void randomMutationsOfRealMessagesAreAnsweredWithoutThrowing() {
		Random random = new Random(20261124L);
		for (int i = 0; i < 400; i++) {
			exerciseEveryParser(randomMessage(random));
		}
	}

	@Test
	void parsersGiveTheSameAnswersFromManyThreads() throws Exception {
		Random random = new Random(7L);
		List<String> messages = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			messages.add(randomMessage(random));
		}
		List<ExtractedEntities> expected = messages.stream().map((m) -> this.entities.extract(m, null)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<ExtractedEntities>>> results = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				results.add(pool.submit(() -> messages.stream().map((m) -> this.entities.extract(m, null)).toList()));
			}
			for (Future<List<ExtractedEntities>> result : results) {
				assertThat(result.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String randomMessage(Random random) {
		StringBuilder text = new StringBuilder();
		int parts = 1 + random.nextInt(12);
		for (int p = 0; p < parts; p++) {
			if (random.nextInt(4) == 0) {
				text.appendCodePoint(random.nextInt(0x11_0000));
			}
			else {
				text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
			}
			if (random.nextBoolean()) {
				text.append(' ');
			}
		}
		int mutations = random.nextInt(4);
		for (int m = 0; m < mutations && text.length() > 0; m++) {
			int at = random.nextInt(text.length());
			switch (random.nextInt(3)) {
				case 0 -> text.deleteCharAt(at);
				case 1 -> text.insert(at, (char) random.nextInt(0x1_0000));
				default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(8))));
			}
		}
		return text.toString();
	}

	private void exerciseEveryParser(String text) {
		assertThatCode(() -> {
			for (Locale hint : new Locale[] { null, Locale.US, Locale.forLanguageTag("pt-PT") }) {
				this.entities.extract(text, hint);
				this.dates.parse(text, hint);
				this.dates.validate(text, hint);
			}
			this.emails.parse(text);
			this.emails.validate(text);
			this.phones.parse(text);
			this.phones.validate(text);
			this.money.parse(text);
			this.money.findAll(text);
			this.numbers.parse(text);
			this.numbers.validate(text, 0, 10);
		}).as("parsing %s", (text != null && text.length() > 60) ? text.substring(0, 60) + "…" : text)
			.doesNotThrowAnyException();
	}

}
