package dev.dmbot.server.entities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Today is Tuesday 24 November 2026 in Lisbon. */
class DateParserTest {

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	static final Clock TUESDAY_24_NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), LISBON);

	private final DateParser parser = new DateParser(TUESDAY_24_NOVEMBER_2026, LISBON);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			12/03/2027                            | 2027-03-12 | false
			12/03                                 | 2027-03-12 | false
			12.03.2027                            | 2027-03-12 | false
			12-03-27                              | 2027-03-12 | false
			2027-03-12                            | 2027-03-12 | false
			March 12                              | 2027-03-12 | false
			march 12th, 2027                      | 2027-03-12 | false
			12 March                              | 2027-03-12 | false
			the 12th of March                     | 2027-03-12 | false
			12 de março                           | 2027-03-12 | false
			12 de marzo                           | 2027-03-12 | false
			el 12 de marzo de 2027                | 2027-03-12 | false
			dia 5 de dezembro                     | 2026-12-05 | false
			25 Dec                                | 2026-12-25 | false
			24 de novembro                        | 2026-11-24 | false
			2 de enero                            | 2027-01-02 | false
			quero para dia 15                     | 2026-12-15 | false
			el día 30                             | 2026-11-30 | false
			on the 3rd                            | 2026-12-03 | false
			dia 24                                | 2026-11-24 | false
			tomorrow                              | 2026-11-25 | false
			amanhã                                | 2026-11-25 | false
			mañana                                | 2026-11-25 | false
			mañana por la mañana                  | 2026-11-25 | false
			the day after tomorrow                | 2026-11-26 | false
			depois de amanhã                      | 2026-11-26 | false
			pasado mañana                         | 2026-11-26 | false
			today                                 | 2026-11-24 | false
			hoje                                  | 2026-11-24 | false
			hoy                                   | 2026-11-24 | false
			next Friday                           | 2026-11-27 | false
			próxima sexta                         | 2026-11-27 | false
			el próximo viernes                    | 2026-11-27 | false
			na sexta-feira                        | 2026-11-27 | false
			quarta que vem                        | 2026-11-25 | false
			on Monday                             | 2026-11-30 | false
			next Tuesday                          | 2026-12-01 | false
			this Tuesday                          | 2026-11-24 | false
			sábado                                | 2026-11-28 | false
			el domingo                            | 2026-11-29 | false
			in 2 weeks                            | 2026-12-08 | true
			daqui a 3 dias                        | 2026-11-27 | false
			dentro de un mes                      | 2026-12-24 | true
			in a week                             | 2026-12-01 | true
			em duas semanas                       | 2026-12-08 | true
			dentro de 10 días                     | 2026-12-04 | false
			two weeks from now                    | 2026-12-08 | true
			next month                            | 2026-12-01 | true
			mês que vem                           | 2026-12-01 | true
			no próximo mês                        | 2026-12-01 | true
			el mes que viene                      | 2026-12-01 | true
			next week                             | 2026-11-30 | true
			na próxima semana                     | 2026-11-30 | true
			next year                             | 2027-01-01 | true
			this weekend                          | 2026-11-28 | true
			este fim de semana                    | 2026-11-28 | true
			este fin de semana                    | 2026-11-28 | true
			asap                                  | 2026-11-24 | true
			ASAP please!                          | 2026-11-24 | true
			o quanto antes                        | 2026-11-24 | true
			lo antes posible                      | 2026-11-24 | true
			in March                              | 2027-03-01 | true
			em janeiro                            | 2027-01-01 | true
			in December                           | 2026-12-01 | true
			March 2027                            | 2027-03-01 | true
			I'd like to start next month, thanks  | 2026-12-01 | true
			""")
	void readsAbsoluteAndRelativeDates(String text, LocalDate date, boolean approximate) {
		assertThat(this.parser.parse(text, null)).contains(new ParsedDate(date, approximate));
	}

	/**
	 * One of each wording a relative date may take, in every language: the parser skips a
	 * pattern when the message lacks the words it needs, so each wording's words must be
	 * among them.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			tonight                               | 2026-11-24 | false
			esta noite                            | 2026-11-24 | false
			esta noche                            | 2026-11-24 | false
			a.s.a.p.                              | 2026-11-24 | true
			as soon as possible                   | 2026-11-24 | true
			right away                            | 2026-11-24 | true
			right now                             | 2026-11-24 | true
			immediately                           | 2026-11-24 | true
			quanto antes                          | 2026-11-24 | true
			o mais rápido possível                | 2026-11-24 | true
			o mais breve possível                 | 2026-11-24 | true
			imediatamente                         | 2026-11-24 | true
			lo más pronto posible                 | 2026-11-24 | true
			cuanto antes                          | 2026-11-24 | true
			inmediatamente                        | 2026-11-24 | true
			ya mismo                              | 2026-11-24 | true
			o próximo fim de semana               | 2026-11-28 | true
			el finde                              | 2026-11-28 | true
			weekend                               | 2026-11-28 | true
			semana que vem                        | 2026-11-30 | true
			la semana que viene                   | 2026-11-30 | true
			a próxima semana                      | 2026-11-30 | true
			this week                             | 2026-11-24 | true
			esta semana                           | 2026-11-24 | true
			nesta semana                          | 2026-11-24 | true
			this month                            | 2026-11-24 | true
			este mes                              | 2026-11-24 | true
			neste mês                             | 2026-11-24 | true
			el próximo mes                        | 2026-12-01 | true
			o próximo ano                         | 2027-01-01 | true
			el año que viene                      | 2027-01-01 | true
			ano que vem                           | 2027-01-01 | true
			in 3 days                             | 2026-11-27 | false
			within a month                        | 2026-12-24 | true
			em 2 anos                             | 2028-11-24 | true
			dentro de 3 meses                     | 2027-02-24 | true
			daqui a um ano                        | 2027-11-24 | true
			after two years                       | 2028-11-24 | true
			wednesday                             | 2026-11-25 | false
			terça-feira                           | 2026-12-01 | false
			quinta que vem                        | 2026-11-26 | false
			el miércoles                          | 2026-11-25 | false
			jueves                                | 2026-11-26 | false
			lunes                                 | 2026-11-30 | false
			until September                       | 2027-09-01 | true
			para outubro                          | 2027-10-01 | true
			hasta febrero                         | 2027-02-01 | true
			""")
	void readsEveryWordingOfARelativeDate(String text, LocalDate date, boolean approximate) {
		assertThat(this.parser.parse(text, null)).contains(new ParsedDate(date, approximate));
	}

	@Test
	void numericDatesAreDayFirstUnlessTheCustomerWritesAmericanEnglish() {
		assertThat(this.parser.parse("03/12/2027", Locale.US))
			.contains(new ParsedDate(LocalDate.of(2027, 3, 12), false));
		assertThat(this.parser.parse("03/12/2027", Locale.forLanguageTag("pt-PT")))
			.contains(new ParsedDate(LocalDate.of(2027, 12, 3), false));
		assertThat(this.parser.parse("03/12/2027", Locale.ENGLISH))
			.contains(new ParsedDate(LocalDate.of(2027, 12, 3), false));
	}

	@Test
	void aDateThatCanOnlyBeReadOneWayIsReadThatWay() {
		assertThat(this.parser.parse("11/24/2026", null)).contains(new ParsedDate(LocalDate.of(2026, 11, 24), false));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                         | empty
			whenever you can           | no date
			31/02/2027                 | no such day
			12/03/2025                 | 2025-03-12 is in the past
			""")
	void refusesAnswersWithoutAUsableDateWithAReason(String text, String reason) {
		Validation<ParsedDate> validation = this.parser.validate(text, null);
		assertThat(validation.isValid()).isFalse();
		assertThat(validation.reason()).contains(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			I have 3 rooms
			24/7 support
			10 out of 10
			é a segunda vez que pergunto
			pela segunda vez, para a segunda vez
			uma quinta no Douro
			por la mañana o esta mañana
			1 set of chairs
			budget 20k
			price 2.5 or 10-15
			""")
	void numbersThatAreNotDatesAreLeftAlone(String text) {
		assertThat(this.parser.findAll(text, null)).isEmpty();
	}

	@Test
	void findsEveryDateWithWhereItWasWritten() {
		String text = "not tomorrow, maybe next Friday or 12 de março";
		assertThat(this.parser.findAll(text, null)).extracting(Found::text)
			.containsExactly("tomorrow", "next Friday", "12 de março");
	}

	@Test
	void aLeapDayWithoutAYearIsTheNextOne() {
		assertThat(this.parser.parse("29/02", null)).contains(new ParsedDate(LocalDate.of(2028, 2, 29), false));
	}

}
