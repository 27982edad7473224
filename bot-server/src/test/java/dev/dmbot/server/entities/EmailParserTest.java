package dev.dmbot.server.entities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailParserTest {

	private final EmailParser parser = new EmailParser();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my email is ana.costa@gmail.com thanks           | ana.costa@gmail.com
			ana.costa@gmail.com                              | ana.costa@gmail.com
			O meu email é Ana.Costa@GMAIL.COM.               | Ana.Costa@gmail.com
			mi correo: jose_garcia+casa@Hotmail.es!          | jose_garcia+casa@hotmail.es
			<maria@sapo.pt>                                  | maria@sapo.pt
			(joao.silva@empresa.com.pt)                      | joao.silva@empresa.com.pt
			escribe a info@lumen-oak.pt, gracias             | info@lumen-oak.pt
			mailto:rui@iol.pt                                | rui@iol.pt
			send to 'pedro@outlook.com'?                     | pedro@outlook.com
			email😀ana@gmail.com😀                           | ana@gmail.com
			""")
	void findsAndNormalisesTheAddress(String text, String expected) {
		assertThat(this.parser.parse(text)).contains(expected);
		assertThat(this.parser.validate(text).value()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                          | empty
			my email? no thanks         | no @
			ana.costa@gmail             | no dot
			ana@@gmail.com              | more than one @
			@gmail.com                  | nothing before the @
			ana@                        | nothing after the @
			ana..costa@gmail.com        | two dots in a row
			.ana@gmail.com              | start or end with a dot
			ana@gmail..com              | empty part
			ana@-gmail.com              | hyphen
			ana@gmail.c                 | not a top-level domain
			ana@gmail.c0m               | not a top-level domain
			ana@gmail.con               | did you mean gmail.com?
			ana@hotmial.com             | did you mean hotmail.com?
			someone@example.com         | placeholder
			josé@gmail.com              | nothing before the @
			""")
	void refusesJunkWithAReason(String text, String reason) {
		Validation<String> validation = this.parser.validate(text);
		assertThat(validation.isValid()).isFalse();
		assertThat(validation.reason()).contains(reason);
		assertThat(this.parser.parse(text)).isEmpty();
	}

	@Test
	void findsEveryAddressWithWhereItWasWritten() {
		String text = "write to ana@gmail.com or to RUI@Sapo.PT.";
		assertThat(this.parser.findAll(text)).containsExactly(new Found<>("ana@gmail.com", 9, 22, "ana@gmail.com"),
				new Found<>("RUI@sapo.pt", 29, 40, "RUI@Sapo.PT"));
	}

	@Test
	void anAddressLongerThanTheStandardAllowsIsRefused() {
		assertThat(this.parser.validate("a".repeat(65) + "@gmail.com").reason()).contains("64");
	}

}
