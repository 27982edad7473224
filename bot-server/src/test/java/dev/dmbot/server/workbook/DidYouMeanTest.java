package dev.dmbot.server.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DidYouMeanTest {

	private static final List<String> INTENTS = WorkbookValidator.INTENTS;

	@Test
	void aTypoSuggestsTheClosestName() {
		assertThat(DidYouMean.closest("prcing", INTENTS)).isEqualTo("pricing");
		assertThat(DidYouMean.closest("oder_status", INTENTS)).isEqualTo("order_status");
		assertThat(DidYouMean.closest("frist_name", ReplyCheck.VARIABLES)).isEqualTo("first_name");
	}

	@Test
	void aDifferenceOnlyInCaseSuggestsTheRightCase() {
		assertThat(DidYouMean.closest("First_Name", ReplyCheck.VARIABLES)).isEqualTo("first_name");
	}

	@Test
	void aDifferentWordSuggestsNothing() {
		assertThat(DidYouMean.closest("weather", INTENTS)).isNull();
		assertThat(DidYouMean.hint("weather", INTENTS)).isEmpty();
		assertThat(DidYouMean.endOfSentence("weather", INTENTS)).isEqualTo(".");
	}

	@Test
	void distanceCountsInsertionsDeletionsAndSubstitutions() {
		assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
		assertThat(DidYouMean.distance("same", "same")).isZero();
	}

}
