package dev.dmbot.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * When a token is due for a refresh: at least 24 hours old, connected, and expiring
 * within {@code bot.accounts.refresh-before} (30 days here) or of unknown expiry.
 */
class TokenRefreshPolicyTest {

	static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

	final TokenRefreshPolicy policy = new TokenRefreshPolicy(Duration.ofDays(30));

	static AccountDetails account(AccountStatus status, Instant issuedAt, Instant expiresAt) {
		return new AccountDetails("17841400000000123", "lumen.porto", status, expiresAt,
				Instant.parse("2026-11-01T09:00:00Z"), "maria", List.of("messages"), issuedAt, null, null, null);
	}

	static AccountDetails issued(Duration ago, Duration expiresIn) {
		return account(AccountStatus.CONNECTED, NOW.minus(ago), (expiresIn != null) ? NOW.plus(expiresIn) : null);
	}

	@Test
	void aTokenExpiringWithinTheWindowIsDue() {
		assertThat(this.policy.due(issued(Duration.ofDays(31), Duration.ofDays(29)), NOW)).isTrue();
		assertThat(this.policy.due(issued(Duration.ofDays(30), Duration.ofDays(30)), NOW)).as("at the window's edge")
			.isTrue();
	}

	@Test
	void aTokenExpiringLaterIsNotDueYet() {
		assertThat(this.policy.due(issued(Duration.ofDays(29), Duration.ofDays(31)), NOW)).isFalse();
		assertThat(this.policy.due(issued(Duration.ofDays(2), Duration.ofDays(58)), NOW)).isFalse();
	}

	@Test
	void aTokenYoungerThan24HoursIsNeverDueEvenIfItExpiresSoon() {
		assertThat(this.policy.due(issued(Duration.ofHours(23).plusMinutes(59), Duration.ofDays(1)), NOW)).isFalse();
		assertThat(this.policy.due(issued(Duration.ofHours(24), Duration.ofDays(1)), NOW)).isTrue();
	}

	@Test
	void aTokenOfUnknownExpiryIsDueOnceItIs24HoursOld() {
		assertThat(this.policy.due(issued(Duration.ofHours(25), null), NOW)).isTrue();
		assertThat(this.policy.due(issued(Duration.ofHours(2), null), NOW)).isFalse();
	}

	@Test
	void aTokenOfUnknownAgeIsNotRefreshedLestMetaRefuseItAsTooYoung() {
		assertThat(this.policy.due(new AccountDetails("17841400000000123", null, AccountStatus.CONNECTED,
				NOW.plus(Duration.ofDays(1)), null, null, List.of(), null, null, null, null), NOW))
			.isFalse();
	}

	@Test
	void anAccountStoredWithoutItsTokensIssueTimeCountsFromWhenItWasConnected() {
		AccountDetails older = new AccountDetails("17841400000000123", null, AccountStatus.CONNECTED,
				NOW.plus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(50)), "maria", List.of(), null, null, null,
				null);
		assertThat(older.tokenIssuedAt()).isEqualTo(NOW.minus(Duration.ofDays(50)));
		assertThat(this.policy.due(older, NOW)).isTrue();
	}

	@Test
	void anExpiredTokenIsDueSoThatMetasAnswerDecidesItIsLost() {
		assertThat(this.policy.due(issued(Duration.ofDays(61), Duration.ofDays(-1)), NOW)).isTrue();
	}

	@Test
	void aDisconnectedOrUnknownAccountIsNotRefreshed() {
		Instant issuedAt = NOW.minus(Duration.ofDays(40));
		Instant expiresAt = NOW.plus(Duration.ofDays(20));
		assertThat(this.policy.due(account(AccountStatus.DISCONNECTED, issuedAt, expiresAt), NOW)).isFalse();
		assertThat(this.policy.due(account(AccountStatus.UNKNOWN, issuedAt, expiresAt), NOW)).isFalse();
	}

	@Test
	void theSettingsAreCheckedWithTheBadValueInTheMessage() {
		assertThatThrownBy(() -> new TokenRefreshProperties(Duration.ofHours(1), Duration.ofDays(60), 3,
				Duration.ofSeconds(5), Duration.ofSeconds(10)))
			.hasMessageContaining("bot.accounts.refresh-before")
			.hasMessageContaining("PT1440H");
		assertThatThrownBy(() -> new TokenRefreshProperties(Duration.ZERO, Duration.ofDays(30), 3,
				Duration.ofSeconds(5), Duration.ofSeconds(10)))
			.hasMessageContaining("bot.accounts.refresh-every");
		assertThatThrownBy(() -> new TokenRefreshProperties(Duration.ofHours(1), Duration.ofDays(30), 0,
				Duration.ofSeconds(5), Duration.ofSeconds(10)))
			.hasMessageContaining("bot.accounts.refresh-attempts must be between 1 and 10, but was 0");
	}

	@Test
	void theLeaseOutlastsEveryCallAndWaitOfOneRefresh() {
		TokenRefreshProperties properties = new TokenRefreshProperties(Duration.ofHours(1), Duration.ofDays(30), 3,
				Duration.ofSeconds(5), Duration.ofSeconds(10));
		assertThat(properties.leaseLimit()).isGreaterThan(
				properties.requestTimeout().multipliedBy(3).plus(properties.longestBackoff().multipliedBy(2)));
		assertThat(properties.firstRunAfter()).isEqualTo(Duration.ofMinutes(1));
	}

}
