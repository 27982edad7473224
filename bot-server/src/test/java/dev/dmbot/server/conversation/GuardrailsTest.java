package dev.dmbot.server.conversation;

import org.junit.jupiter.api.Test;

import static dev.dmbot.server.conversation.TurnFixtures.ACCOUNT;
import static dev.dmbot.server.conversation.TurnFixtures.DISCLOSURE;
import static dev.dmbot.server.conversation.TurnFixtures.NOW;
import static dev.dmbot.server.conversation.TurnFixtures.guardrails;
import static dev.dmbot.server.conversation.TurnFixtures.marks;
import static dev.dmbot.server.conversation.TurnFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** The guardrails of a turn, decided from what was read with it: no Redis. */
class GuardrailsTest {

	private final Guardrails guardrails = guardrails();

	@Test
	void stopOptsOutWithAConfirmation() {
		Guardrails.Turn turn = this.guardrails.screen(textMessage("STOP"), "unknown", "en", marks(0, false));

		assertThat(turn.action()).isEqualTo(Guardrails.Action.OPTED_OUT);
		assertThat(turn.reply()).isNotBlank();
		assertThat(turn.leavesFlow()).isTrue();
	}

	@Test
	void aCustomerWhoOptedOutIsSilencedUntilTheyOptIn() {
		Guardrails.Marks optedOut = new Guardrails.Marks(true, 0, marks(0, false).day(), false);

		assertThat(this.guardrails.screen(textMessage("stop"), "unknown", "en", optedOut).action())
			.isEqualTo(Guardrails.Action.SILENCED);
		assertThat(this.guardrails.screen(textMessage("What time do you open?"), "hours", "en", optedOut).reply())
			.isNull();
		assertThat(this.guardrails.screen(textMessage("start"), "unknown", "en", optedOut).action())
			.isEqualTo(Guardrails.Action.OPTED_IN);
	}

	@Test
	void anOrdinaryMessageIsLeftToTheRules() {
		assertThat(this.guardrails.screen(textMessage("What time do you open?"), "hours", "en", marks(0, true)))
			.isNull();
	}

	@Test
	void theDailyCapIsDecidedFromTheCountReadWithTheTurn() {
		Guardrails.Outgoing third = this.guardrails.prepare(ACCOUNT, "Hello", true, "en", marks(2, true));
		Guardrails.Outgoing fourth = this.guardrails.prepare(ACCOUNT, "Hello", true, "en", marks(3, true));

		assertThat(third.sends()).isTrue();
		assertThat(third.text()).isEqualTo("Hello");
		assertThat(third.countedOn()).isEqualTo(NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate());
		assertThat(fourth.sends()).isFalse();
		// Dropped, it still counts, as it did when the count was taken before deciding.
		assertThat(fourth.countedOn()).isNotNull();
	}

	@Test
	void confirmationsCountTowardsNoCap() {
		Guardrails.Outgoing confirmation = this.guardrails.prepare(ACCOUNT, "Done", false, "en", marks(10, true));

		assertThat(confirmation.sends()).isTrue();
		assertThat(confirmation.countedOn()).isNull();
	}

	@Test
	void theDisclosureLineOpensTheFirstAutomatedMessageOnly() {
		Guardrails.Outgoing first = this.guardrails.prepare(ACCOUNT, "Hello", true, "en", marks(0, false));
		Guardrails.Outgoing later = this.guardrails.prepare(ACCOUNT, "Hello", true, "en", marks(1, true));

		assertThat(first.text()).isEqualTo(DISCLOSURE + "\n\nHello");
		assertThat(first.disclosed()).isTrue();
		assertThat(later.text()).isEqualTo("Hello");
		assertThat(later.disclosed()).isFalse();
	}

}
