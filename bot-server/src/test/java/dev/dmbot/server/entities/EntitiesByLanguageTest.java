package dev.dmbot.server.entities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of entity, in each language the shipped workbook answers in, the way a
 * customer's message holds it among other words. Today is Wednesday 10 December 2025 in
 * Lisbon, so "next Friday" is the first Friday after it, the 12th.
 */
class EntitiesByLanguageTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-10T10:00:00Z"), ZoneId.of("UTC"));

	private static final Entities ENTITIES = Entities.of(CLOCK, ZoneId.of("Europe/Lisbon"), "PT", "EUR");

	private static final ProductCatalog PRODUCTS = new ProductCatalog(
			List.of(new Product("oak side table", List.of("side table", "mesa de apoio", "mesita de roble")),
					new Product("linen sofa", List.of("sofa", "sofá de linho", "sofá de lino")),
					new Product("candle", List.of("vela", "candles"))));

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			en | you can reach me at Ana.Costa@Gmail.com, thanks   | Ana.Costa@gmail.com
			pt | o meu email é rui.silva@sapo.pt obrigado          | rui.silva@sapo.pt
			es | mi correo es lucia_garcia@hotmail.es, gracias     | lucia_garcia@hotmail.es
			""")
	void emails(String language, String text, String email) {
		assertThat(values(ENTITIES.extract(text, Locale.forLanguageTag(language)).emails())).containsExactly(email);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			en | call me on +351 912 345 678 after 6pm             | +351912345678
			pt | o meu telemóvel é 912 345 678                     | +351912345678
			es | mi móvil es el +34 612 34 56 78                   | +34612345678
			""")
	void phones(String language, String text, String phone) {
		assertThat(values(ENTITIES.extract(text, Locale.forLanguageTag(language)).phones())).containsExactly(phone);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			en | my budget is around 15k                           | 15000  |        | EUR | true
			en | between 10-15k for the living room                | 10000  | 15000  | EUR | false
			pt | tenho €2.500 para a sala                          | 2500   |        | EUR | false
			pt | o orçamento é de 2,5 mil euros                    | 2500   |        | EUR | false
			pt | cerca de 20 mil                                   | 20000  |        | EUR | true
			es | tengo unos 3.000 €                                | 3000   |        | EUR | true
			es | mi presupuesto es de 2,5 mil euros                | 2500   |        | EUR | false
			es | hasta 1500 dólares                                | 1500   |        | USD | true
			""")
	void amounts(String language, String text, BigDecimal amount, BigDecimal max, String currency,
			boolean approximate) {
		List<Found<Money>> money = ENTITIES.extract(text, Locale.forLanguageTag(language)).money();

		assertThat(money).hasSize(1);
		Money found = money.get(0).value();
		assertThat(found.amount()).isEqualByComparingTo(amount);
		if (max != null) {
			assertThat(found.max()).isEqualByComparingTo(max);
		}
		assertThat(found.currency()).isEqualTo(currency);
		assertThat(found.approximate()).isEqualTo(approximate);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			en | can you deliver tomorrow?                         | 2025-12-11
			en | is next Friday ok for the consultation            | 2025-12-12
			en | I'm free on 15/12                                  | 2025-12-15
			pt | podem entregar amanhã?                            | 2025-12-11
			pt | pode ser na próxima sexta?                        | 2025-12-12
			pt | estou livre a 15 de dezembro                      | 2025-12-15
			es | ¿podéis entregarlo mañana?                        | 2025-12-11
			es | ¿puede ser el 15 de diciembre?                    | 2025-12-15
			es | dentro de 2 semanas                               | 2025-12-24
			""")
	void datesAbsoluteAndRelative(String language, String text, LocalDate date) {
		List<Found<ParsedDate>> dates = ENTITIES.extract(text, Locale.forLanguageTag(language)).dates();

		assertThat(dates).extracting((found) -> found.value().date()).containsExactly(date);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			en | how much is the Oak Side Table?                   | oak side table
			en | do you have candles in stock                      | candle
			pt | quanto custa a mesa de apoio?                     | oak side table
			pt | o sofá de linho ainda está disponível?            | linen sofa
			pt | têm velas de soja?                                | candle
			es | ¿cuánto vale la mesita de roble?                  | oak side table
			es | ¿el sofá de lino se puede lavar?                  | linen sofa
			es | ¿tenéis velas?                                    | candle
			""")
	void products(String language, String text, String product) {
		assertThat(values(PRODUCTS.findAll(text))).containsExactly(product);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			the tablecloth is lovely
			sofascore app
			lamp
			""")
	void productNamesMatchWholeWordsOnly(String text) {
		assertThat(PRODUCTS.findAll(text)).isEmpty();
	}

	private static <T> List<T> values(List<Found<T>> found) {
		return found.stream().map(Found::value).toList();
	}

}
