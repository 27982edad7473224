package dev.dmbot.server.entities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NumberParserTest {

	private final NumberParser parser = new NumberParser();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			3 rooms           | 3
			3                 | 3
			tenho 4 quartos   | 4
			son 2 habitaciones| 2
			three             | 3
			três quartos      | 3
			tres habitaciones | 3
			uma sala          | 1
			doce sillas       | 12
			about 12, maybe   | 12
			""")
	void readsWholeNumbers(String text, long expected) {
		assertThat(this.parser.parse(text)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''               | no whole number
			many             | no whole number
			2.5              | no whole number
			0                | below the minimum of 1
			11 rooms         | above the maximum of 10
			""")
	void refusesNumbersOutsideTheRangeWithAReason(String text, String reason) {
		Validation<Long> validation = this.parser.validate(text, 1, 10);
		assertThat(validation.isValid()).isFalse();
		assertThat(validation.reason()).contains(reason);
	}

	@Test
	void acceptsNumbersInsideTheRange() {
		assertThat(this.parser.validate("5 rooms", 1, 10).value()).isEqualTo(5L);
		assertThat(this.parser.validate("one", 1, 10).value()).isEqualTo(1L);
	}

	@Test
	void anEmptyRangeIsAMistakeInTheFlow() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.validate("3", 5, 1))
			.withMessageContaining("5 > 1");
	}

}
