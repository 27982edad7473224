package dev.dmbot.server.entities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Today is Tuesday 24 November 2026 in Lisbon. */
class EntitiesTest {

	private final Entities entities = Entities.of(DateParserTest.TUESDAY_24_NOVEMBER_2026, DateParserTest.LISBON, "PT",
			"EUR");

	@Test
	void aLeadInEnglishGivesItsBudgetAndStart() {
		ExtractedEntities found = this.entities
			.extract("I want to renovate my flat in Porto, budget 20k, start next month", Locale.ENGLISH);
		assertThat(found.money()).singleElement().satisfies((money) -> {
			assertThat(money.value()).isEqualTo(new Money(BigDecimal.valueOf(20000), "EUR", null, false));
			assertThat(money.text()).isEqualTo("20k");
		});
		assertThat(found.dates()).singleElement().satisfies((date) -> {
			assertThat(date.value()).isEqualTo(new ParsedDate(LocalDate.of(2026, 12, 1), true));
			assertThat(date.text()).isEqualTo("next month");
		});
		assertThat(found.emails()).isEmpty();
		assertThat(found.phones()).isEmpty();
	}

	@Test
	void aLeadInPortugueseGivesEveryEntity() {
		ExtractedEntities found = this.entities.extract(
				"Olá! O meu email é Ana.Costa@GMAIL.com e o telemóvel "
						+ "912 345 678. Orçamento cerca de 15 mil €, começar a 12 de março",
				Locale.forLanguageTag("pt"));
		assertThat(found.emails()).extracting(Found::value).containsExactly("Ana.Costa@gmail.com");
		assertThat(found.phones()).extracting(Found::value).containsExactly("+351912345678");
		assertThat(found.money()).extracting(Found::value)
			.containsExactly(new Money(BigDecimal.valueOf(15000), "EUR", null, true));
		assertThat(found.dates()).extracting(Found::value)
			.containsExactly(new ParsedDate(LocalDate.of(2027, 3, 12), false));
	}

	@Test
	void aLeadInSpanishGivesEveryEntity() {
		ExtractedEntities found = this.entities.extract(
				"Hola, mi presupuesto es de 10-15k y quiero empezar el próximo viernes, llámame al +34 612 345 678",
				Locale.forLanguageTag("es"));
		assertThat(found.money()).extracting(Found::value)
			.containsExactly(new Money(BigDecimal.valueOf(10000), "EUR", BigDecimal.valueOf(15000), false));
		assertThat(found.dates()).extracting(Found::value)
			.containsExactly(new ParsedDate(LocalDate.of(2026, 11, 27), false));
		assertThat(found.phones()).extracting(Found::value).containsExactly("+34612345678");
	}

	@Test
	void spansPointAtTheOriginalText() {
		String text = "budget €2.500 — call 912 345 678 tomorrow";
		ExtractedEntities found = this.entities.extract(text, null);
		for (Found<?> entity : java.util.stream.Stream.of(found.money(), found.phones(), found.dates())
			.flatMap(java.util.List::stream)
			.toList()) {
			assertThat(text.substring(entity.start(), entity.end())).isEqualTo(entity.text());
		}
		assertThat(found.money()).extracting(Found::text).containsExactly("€2.500");
		assertThat(found.phones()).extracting(Found::text).containsExactly("912 345 678");
		assertThat(found.dates()).extracting(Found::text).containsExactly("tomorrow");
	}

	@Test
	void aMessageWithoutEntitiesGivesNone() {
		assertThat(this.entities.extract("hi! do you ship to Porto? 😊", null).isEmpty()).isTrue();
		assertThat(this.entities.extract(null, null).isEmpty()).isTrue();
		assertThat(this.entities.extract("", Locale.ROOT).isEmpty()).isTrue();
	}

}
