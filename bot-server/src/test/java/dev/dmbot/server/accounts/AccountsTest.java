package dev.dmbot.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.system.MetaProperties;

/**
 * The accounts of {@code bot.meta}: the configured one, the sandbox one when nothing is
 * configured, and how an event for an account not served is answered.
 */
class AccountsTest {

	static final String ACCOUNT = "17841405822304914";

	static final String OTHER = "17841400000000999";

	static final String TOKEN = "IGQWRtoken-4f9a-never-logged";

	static MetaProperties configured(String accountId, String token) {
		return new MetaProperties("app-secret", null, "verify", token, accountId,
				URI.create("https://graph.instagram.com/v25.0"));
	}

	private final Accounts accounts = Accounts.configured(configured(ACCOUNT, TOKEN));

	@Test
	void theConfiguredAccountIsTheOneServed() {
		assertThat(this.accounts.all()).containsExactly(new Account(ACCOUNT, null, false));
		assertThat(this.accounts.find(ACCOUNT)).contains(new Account(ACCOUNT, null, false));
		assertThat(this.accounts.find(OTHER)).isEmpty();
		assertThat(this.accounts.find(null)).isEmpty();
	}

	@Test
	void theConfiguredAccountSendsWithTheConfiguredToken() {
		assertThat(this.accounts.accessTokenOf(ACCOUNT))
			.hasValueSatisfying((token) -> assertThat(token.bearer()).isEqualTo("Bearer " + TOKEN));
	}

	@Test
	void anEventForAnAccountNotServedIsAnsweredAsTheConfiguredAccountAnswers() {
		// As before accounts were named: the same token and settings, under its own id.
		assertThat(this.accounts.answering(OTHER)).isEqualTo(new Account(ACCOUNT, null, false));
		assertThat(this.accounts.accessTokenOf(OTHER)).isEqualTo(this.accounts.accessTokenOf(ACCOUNT));
		assertThat(this.accounts.answering(ACCOUNT)).isEqualTo(new Account(ACCOUNT, null, false));
	}

	@Test
	void withoutATokenTheSandboxAccountIsServedAndNothingSends() {
		Accounts sandbox = Accounts.configured(configured(null, null));

		assertThat(sandbox.all()).containsExactly(new Account(MetaProperties.SANDBOX_ACCOUNT_ID, null, true));
		assertThat(sandbox.accessTokenOf(MetaProperties.SANDBOX_ACCOUNT_ID)).isEmpty();
		assertThat(sandbox.answering(OTHER).sandbox()).isTrue();
		assertThat(sandbox.accessTokenOf(OTHER)).isEmpty();
	}

	@Test
	void theTokenIsNeverInTheAccountsDescription() {
		assertThat(this.accounts.toString()).contains(ACCOUNT).doesNotContain(TOKEN);
		assertThat(this.accounts.answering(ACCOUNT).toString()).doesNotContain(TOKEN);
		assertThat(this.accounts.accessTokenOf(ACCOUNT).toString()).doesNotContain(TOKEN);
	}

}
