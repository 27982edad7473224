package dev.dmbot.server.entities;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyParserTest {

	private final MoneyParser parser = new MoneyParser("EUR");

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			around 15k                         | 15000    | EUR | -     | true
			15 000€                            | 15000    | EUR | -     | false
			€2.500                             | 2500     | EUR | -     | false
			2,5 mil                            | 2500     | EUR | -     | false
			2.5 mil euros                      | 2500     | EUR | -     | false
			$1,200.50                          | 1200.50  | USD | -     | false
			20 mil                             | 20000    | EUR | -     | false
			1.5M                               | 1500000  | EUR | -     | false
			10-15k                             | 10000    | EUR | 15000 | false
			under 5000                         | 5000     | EUR | -     | true
			1.200,50 €                         | 1200.50  | EUR | -     | false
			2.500                              | 2500     | EUR | -     | false
			2,500                              | 2500     | EUR | -     | false
			7500                               | 7500     | EUR | -     | false
			budget is 20k                      | 20000    | EUR | -     | false
			15k€                               | 15000    | EUR | -     | false
			£500                               | 500      | GBP | -     | false
			R$ 2.000                           | 2000     | BRL | -     | false
			2 million euros                    | 2000000  | EUR | -     | false
			o orçamento é de uns 3000 euros    | 3000     | EUR | -     | true
			cerca de 20 mil €                  | 20000    | EUR | -     | true
			até 5 mil                          | 5000     | EUR | -     | true
			entre 10 e 15 mil euros            | 10000    | EUR | 15000 | false
			de 10 a 15 mil                     | 10000    | EUR | 15000 | false
			1,2 mil                            | 1200     | EUR | -     | false
			unos 5000 dólares                  | 5000     | USD | -     | true
			mi presupuesto es de 8.000€        | 8000     | EUR | -     | false
			hasta 3000€                        | 3000     | EUR | -     | true
			más o menos 12 mil                 | 12000    | EUR | -     | true
			between 5k and 8k                  | 5000     | EUR | 8000  | false
			€10k - €20k                        | 10000    | EUR | 20000 | false
			~ 4k                               | 4000     | EUR | -     | true
			USD 300                            | 300      | USD | -     | false
			budget 1.5m                        | 1500000  | EUR | -     | false
			precio 1500                        | 1500     | EUR | -     | false
			3 quartos, orçamento 20k           | 20000    | EUR | -     | false
			500-2k                             | 500      | EUR | 2000  | false
			mais de 10k                        | 10000    | EUR | -     | true
			15.000,00€                         | 15000    | EUR | -     | false
			10 - 15 mil €                      | 10000    | EUR | 15000 | false
			5 mil reais                        | 5000     | BRL | -     | false
			""")
	void readsAmountsAsPeopleWriteThem(String text, String amount, String currency, String max, boolean approximate) {
		Money money = this.parser.parse(text).orElseThrow();
		assertThat(money.amount()).isEqualByComparingTo(amount);
		assertThat(money.currency()).isEqualTo(currency);
		if (max == null) {
			assertThat(money.max()).isNull();
		}
		else {
			assertThat(money.max()).isEqualByComparingTo(max);
		}
		assertThat(money.approximate()).isEqualTo(approximate);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                   | empty
			no idea yet          | no amount
			0 €                  | zero
			15m                  | metres
			2.000.000 M€         | too large
			""")
	void refusesAnswersWithoutAnAmountWithAReason(String text, String reason) {
		Validation<Money> validation = this.parser.validate(text);
		assertThat(validation.isValid()).isFalse();
		assertThat(validation.reason()).contains(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I have 3 rooms and 2 bathrooms
			call me at 10:30
			start on 12/03/2027
			the room is 15m long
			version 2.5 please
			""")
	void plainNumbersInFreeTextAreNotMoney(String text) {
		assertThat(this.parser.findAll(text)).isEmpty();
	}

	@Test
	void findsEveryAmountWithWhereItWasWritten() {
		String text = "sofa around 1.200€ and a rug, budget 2k total";
		assertThat(this.parser.findAll(text)).extracting(Found::text).containsExactly("around 1.200€", "2k");
	}

	@Test
	void aRangeThatIsNotOneReadsTheFirstAmount() {
		assertThat(this.parser.findAll("15k e 2 quartos")).singleElement()
			.satisfies((found) -> assertThat(found.value())
				.isEqualTo(new Money(BigDecimal.valueOf(15000), "EUR", null, false)));
	}

	@Test
	void theDefaultCurrencyIsConfigurable() {
		assertThat(new MoneyParser("usd").parse("20k")).get().extracting(Money::currency).isEqualTo("USD");
		assertThatIllegalArgumentException().isThrownBy(() -> new MoneyParser("euro")).withMessageContaining("euro");
	}

}
