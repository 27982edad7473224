package dev.dmbot.server.entities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneParserTest {

	private final PhoneParser parser = new PhoneParser("PT");

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			912 345 678                                   | +351912345678
			+34 612 34 56 78                              | +34612345678
			00351 912345678                               | +351912345678
			912345678                                     | +351912345678
			my number is 912 345 678, call after 6pm      | +351912345678
			o meu telemóvel é o 93 123 45 67              | +351931234567
			(+351) 912-345-678                            | +351912345678
			fixo: 22 123 4567                             | +351221234567
			mi teléfono es el +34 612 345 678             | +34612345678
			llámame al 0034 712 345 678                   | +34712345678
			UK: +44 7911 123456                           | +447911123456
			+351 912 345 678 (WhatsApp)                   | +351912345678
			""")
	void writesValidNumbersInE164(String text, String expected) {
		assertThat(this.parser.parse(text)).contains(expected);
		assertThat(this.parser.validate(text).value()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                       | empty
			123                      | too few digits
			9123                     | too few digits
			91234567891234567        | too many digits
			+351 812 345 678         | not a valid +351
			+999 123 456 789         | country code
			call me maybe            | not a phone number
			""")
	void refusesInvalidNumbersWithAReason(String text, String reason) {
		Validation<String> validation = this.parser.validate(text);
		assertThat(validation.isValid()).isFalse();
		assertThat(validation.reason()).contains(reason);
		assertThat(this.parser.parse(text)).isEmpty();
	}

	@Test
	void theDefaultRegionDecidesNumbersWithoutACountryCode() {
		assertThat(new PhoneParser("es").parse("612 34 56 78")).contains("+34612345678");
	}

	@Test
	void findsEveryNumberWithWhereItWasWritten() {
		String text = "casa 22 123 4567 ou 912 345 678";
		assertThat(this.parser.findAll(text)).extracting(Found::value, Found::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("+351221234567", "22 123 4567"),
					org.assertj.core.groups.Tuple.tuple("+351912345678", "912 345 678"));
	}

	@Test
	void budgetsAndDatesAreNotPhoneNumbers() {
		assertThat(this.parser.findAll("budget 20 000€, start 12/03/2027, 3 rooms")).isEmpty();
	}

	@Test
	void anUnknownDefaultRegionIsRefusedAtConstruction() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneParser("XX")).withMessageContaining("\"XX\"");
	}

}
