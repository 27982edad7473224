package dev.dmbot.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dmbot.server.platform.redis.HashRecords;
import dev.dmbot.server.support.StandaloneRedis;

/**
 * Connected accounts in a real redis-server: the token is stored only encrypted, and key
 * rotation works: a token written under a key that became a previous key is still read,
 * and is written again under the current key (on read, and for every account at
 * start-up), after which the old key is no longer needed.
 */
class ConnectedAccountsIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final String ACCOUNT = "17841400000000123";

	static final String OTHER = "17841400000000456";

	static final String TOKEN = "IGAAlong-lived-token-at-rest";

	static final String OLD_KEY = TokenCipherTest.newKey();

	static final String NEW_KEY = TokenCipherTest.newKey();

	HashRecords records;

	@BeforeEach
	void setUp() {
		redis.client().flushAll();
		this.records = new HashRecords(redis.client());
	}

	ConnectedAccounts store(String current, String... previous) {
		return new ConnectedAccounts(this.records, new EncryptionProperties(current, List.of(previous)));
	}

	static ConnectedAccount account(String id, String token) {
		return new ConnectedAccount(id, "lumen." + id.substring(id.length() - 3), AccessToken.of(token),
				Instant.parse("2027-02-06T10:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"), "maria",
				AccountStatus.CONNECTED, List.of("messages", "comments"));
	}

	Map<String, String> raw(String id) {
		return redis.client().hgetAll(AccountKeys.account(id));
	}

	static String keyIdOf(String stored) {
		return stored.split(":")[1];
	}

	@Test
	void theTokenIsStoredOnlyEncryptedAndReadBackWithTheKey() {
		ConnectedAccounts accounts = store(NEW_KEY);

		accounts.save(account(ACCOUNT, TOKEN));

		Map<String, String> stored = raw(ACCOUNT);
		assertThat(stored).containsEntry("id", ACCOUNT)
			.containsEntry("username", "lumen.123")
			.containsEntry("status", "CONNECTED")
			.containsEntry("tokenExpiresAt", "2027-02-06T10:00:00Z")
			.containsEntry("subscribedFields", "messages,comments")
			.containsEntry("connectedBy", "maria");
		assertThat(stored.get("token")).startsWith("v1:");
		assertThat(stored.values()).noneMatch((value) -> value.contains(TOKEN));
		assertThat(redis.client().smembers(AccountKeys.IDS)).containsExactly(ACCOUNT);

		assertThat(accounts.find(ACCOUNT)).hasValueSatisfying((account) -> {
			assertThat(account.token()).isEqualTo(AccessToken.of(TOKEN));
			assertThat(account.toString()).doesNotContain(TOKEN);
		});
		assertThat(accounts.list()).extracting(AccountDetails::id).containsExactly(ACCOUNT);
		assertThat(accounts.list().toString()).doesNotContain(TOKEN);
	}

	@Test
	void withoutTheKeyTheTokenCannotBeRead() {
		store(NEW_KEY).save(account(ACCOUNT, TOKEN));

		assertThatThrownBy(() -> store(OLD_KEY).find(ACCOUNT)).isInstanceOf(TokenUnreadableException.class)
			.hasMessageContaining(ACCOUNT)
			.hasMessageNotContaining(TOKEN);
		assertThatThrownBy(() -> store(null).find(ACCOUNT)).isInstanceOf(TokenUnreadableException.class)
			.hasMessageContaining("bot.security.encryption-key is not set");
		assertThat(store(null).list()).extracting(AccountDetails::username).containsExactly("lumen.123");
	}

	@Test
	void withoutAKeyNothingIsStoredAndTheMessageSaysWhatToSet() {
		assertThatThrownBy(() -> store(null).save(account(ACCOUNT, TOKEN)))
			.isInstanceOf(EncryptionKeyMissingException.class)
			.hasMessageContaining("bot.security.encryption-key")
			.hasMessageContaining("openssl rand -base64 32")
			.hasMessageNotContaining(TOKEN);
		assertThat(redis.client().exists(AccountKeys.account(ACCOUNT))).isFalse();
		assertThat(redis.client().exists(AccountKeys.IDS)).isFalse();
	}

	@Test
	void aTokenUnderAPreviousKeyIsReadAndRewrittenUnderTheCurrentKey() {
		store(OLD_KEY).save(account(ACCOUNT, TOKEN));
		String underOldKey = raw(ACCOUNT).get("token");

		ConnectedAccounts rotated = store(NEW_KEY, OLD_KEY);
		assertThat(rotated.find(ACCOUNT))
			.hasValueSatisfying((account) -> assertThat(account.token()).isEqualTo(AccessToken.of(TOKEN)));

		String underNewKey = raw(ACCOUNT).get("token");
		assertThat(underNewKey).isNotEqualTo(underOldKey).doesNotContain(TOKEN);
		assertThat(keyIdOf(underNewKey)).isNotEqualTo(keyIdOf(underOldKey));
		assertThat(store(NEW_KEY).find(ACCOUNT))
			.hasValueSatisfying((account) -> assertThat(account.token()).isEqualTo(AccessToken.of(TOKEN)));
		assertThatThrownBy(() -> store(OLD_KEY).find(ACCOUNT)).as("the old key is no longer needed, nor enough")
			.isInstanceOf(TokenUnreadableException.class);
	}

	@Test
	void everyTokenIsRewrittenUnderTheCurrentKeyAtStartUp() {
		store(OLD_KEY).save(account(ACCOUNT, TOKEN));
		store(OLD_KEY).save(account(OTHER, TOKEN + "-other"));

		store(NEW_KEY, OLD_KEY).reencryptUnderCurrentKey();

		ConnectedAccounts onlyTheNewKey = store(NEW_KEY);
		assertThat(onlyTheNewKey.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of(TOKEN));
		assertThat(onlyTheNewKey.find(OTHER).orElseThrow().token()).isEqualTo(AccessToken.of(TOKEN + "-other"));
	}

	@Test
	void aTokenCopiedOntoAnotherAccountDoesNotDecrypt() {
		ConnectedAccounts accounts = store(NEW_KEY);
		accounts.save(account(ACCOUNT, TOKEN));
		accounts.save(account(OTHER, "IGAAanother-token"));
		redis.client().hset(AccountKeys.account(OTHER), "token", raw(ACCOUNT).get("token"));

		assertThatThrownBy(() -> accounts.find(OTHER)).isInstanceOf(TokenUnreadableException.class)
			.hasMessageContaining(OTHER);
	}

	@Test
	void connectingAgainReplacesTheAccountWhole() {
		ConnectedAccounts accounts = store(NEW_KEY);
		accounts.save(account(ACCOUNT, TOKEN));
		redis.client().hset(AccountKeys.account(ACCOUNT), "leftover", "from an older release");

		accounts.save(account(ACCOUNT, TOKEN + "-again"));

		assertThat(raw(ACCOUNT)).doesNotContainKey("leftover");
		assertThat(accounts.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of(TOKEN + "-again"));
		assertThat(redis.client().smembers(AccountKeys.IDS)).containsExactly(ACCOUNT);
	}

	@Test
	void theConfiguredAccountComesFirstAndUnchangedAndEachConnectedAccountSendsWithItsOwnToken() {
		ConnectedAccounts store = store(NEW_KEY);
		store.save(account(OTHER, TOKEN));
		store.save(account(AccountsTest.ACCOUNT, "IGAAa-login-of-the-environment-account"));
		Accounts accounts = new ServedAccounts(AccountsTest.configured(AccountsTest.ACCOUNT, AccountsTest.TOKEN), store,
				new AccountsProperties(Duration.ofSeconds(5)));

		assertThat(accounts.all()).containsExactly(new Account(AccountsTest.ACCOUNT, null, false),
				new Account(OTHER, "lumen.456", false));
		assertThat(accounts.accessTokenOf(AccountsTest.ACCOUNT)).as("the environment's token wins for its account")
			.contains(AccessToken.of(AccountsTest.TOKEN));
		assertThat(accounts.accessTokenOf(OTHER)).contains(AccessToken.of(TOKEN));
		assertThat(accounts.find(OTHER)).contains(new Account(OTHER, "lumen.456", false));
		assertThat(accounts.answering(OTHER)).isEqualTo(new Account(OTHER, "lumen.456", false));
		assertThat(accounts.answering(AccountsTest.OTHER)).isEqualTo(new Account(AccountsTest.ACCOUNT, null, false));
		assertThat(accounts.accessTokenOf(AccountsTest.OTHER)).contains(AccessToken.of(AccountsTest.TOKEN));
		assertThat(accounts.toString()).doesNotContain(TOKEN).doesNotContain(AccountsTest.TOKEN);
	}

	@Test
	void aConnectedAccountSendsEvenWhenTheEnvironmentsAccountIsTheSandbox() {
		ConnectedAccounts store = store(NEW_KEY);
		store.save(account(OTHER, TOKEN));
		Accounts accounts = new ServedAccounts(AccountsTest.configured(null, null), store,
				new AccountsProperties(Duration.ofSeconds(5)));

		assertThat(accounts.all()).extracting(Account::sandbox).containsExactly(true, false);
		assertThat(accounts.answering(OTHER).sandbox()).isFalse();
		assertThat(accounts.accessTokenOf(OTHER)).contains(AccessToken.of(TOKEN));
		assertThat(accounts.accessTokenOf(AccountsTest.OTHER)).as("an account not served follows the sandbox")
			.isEmpty();
	}

}
