package dev.dmbot.server.escalation;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.accounts.AccountDisconnected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the notification webhook says when an account is disconnected: which account, what
 * Meta said, that nothing is lost, and what to do for each kind of account.
 */
class DisconnectionAlertsTest {

	static final Instant AT = Instant.parse("2027-01-10T12:00:00Z");

	@Test
	void aConnectedAccountIsToBeConnectedAgainOnTheAccountsPage() {
		String text = DisconnectionAlerts.text(new AccountDisconnected("17841400000000123", "lumen.porto",
				"code 190: Session has expired", AT, false));

		assertThat(text).isEqualTo("Instagram account @lumen.porto (17841400000000123) is disconnected: Meta refused "
				+ "its access token (code 190: Session has expired).\nIts messages are kept and answered once it is "
				+ "connected again. To connect it, open the Accounts page (/accounts/), press \"Connect an Instagram "
				+ "account\" and log in as @lumen.porto.");
	}

	@Test
	void theConfiguredAccountNeedsANewTokenAndARestart() {
		String text = DisconnectionAlerts
			.text(new AccountDisconnected("17841405822304914", null, "code 190", AT, true));

		assertThat(text).startsWith("Instagram account 17841405822304914 is disconnected")
			.endsWith("To connect it, set bot.meta.access-token to a new long-lived token of the account and restart "
					+ "the server.");
	}

}
