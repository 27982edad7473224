package dev.dmbot.server.accounts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dmbot.server.platform.redis.Channels;
import dev.dmbot.server.platform.redis.HashRecords;
import dev.dmbot.server.support.StandaloneRedis;
import dev.dmbot.server.system.MetaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place that knows whether an account is disconnected, on a real redis-server
 * shared by two instances: a refusal is marked and announced once, the other instance's
 * view follows on its re-read (the pub/sub message triggers it), the configured account's
 * refusal keeps a fingerprint and never the token, and only a start with another token
 * connects it again.
 */
class AccountConnectionsIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final String CONFIGURED = "17841405822304914";

	static final String CONNECTED = "17841400000000123";

	static final String TOKEN = "IGAAconfigured-token-never-stored";

	static final String KEY = TokenCipherTest.newKey();

	static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

	final List<Object> events = new CopyOnWriteArrayList<>();

	final MeterRegistry meters = new SimpleMeterRegistry();

	ConnectedAccounts accounts;

	ServedAccounts served;

	@BeforeEach
	void setUp() {
		redis.client().flushAll();
		this.accounts = new ConnectedAccounts(new HashRecords(redis.client()),
				new EncryptionProperties(KEY, List.of()));
		this.accounts.save(new ConnectedAccount(CONNECTED, "lumen.porto", AccessToken.of("IGAAconnected-token"),
				NOW.plusSeconds(86_400 * 30), NOW.minusSeconds(86_400), "maria", AccountStatus.CONNECTED,
				List.of("messages")));
	}

	AccountConnections instance(String configuredToken) {
		return instance(configuredToken, Duration.ZERO);
	}

	AccountConnections instance(String configuredToken, Duration rememberFor) {
		MetaProperties meta = new MetaProperties("app-secret", null, "verify", configuredToken, CONFIGURED,
				URI.create("https://graph.instagram.com/v25.0"), null);
		ServedAccounts served = new ServedAccounts(meta, this.accounts, new AccountsProperties(rememberFor));
		this.served = served;
		return new AccountConnections(this.accounts, served, new HashRecords(redis.client()),
				new Channels(redis.client()), meta, Clock.fixed(NOW, ZoneOffset.UTC), this.meters, this.events::add);
	}

	@Test
	void aConnectedAccountRefusedOnTwoInstancesIsMarkedAndAnnouncedOnce() {
		AccountConnections first = instance(TOKEN);
		AccountConnections second = instance(TOKEN);

		first.tokenRefused(CONNECTED, "HTTP 401, code 190/463: Session has expired");
		second.tokenRefused(CONNECTED, "HTTP 401, code 190/463: Session has expired");

		assertThat(first.isDisconnected(CONNECTED)).isTrue();
		assertThat(second.isDisconnected(CONNECTED)).isTrue();
		assertThat(this.events).singleElement()
			.isEqualTo(new AccountDisconnected(CONNECTED, "lumen.porto", "HTTP 401, code 190/463: Session has expired",
					NOW, false));
		assertThat(this.meters.counter("bot.accounts.disconnections").count()).isEqualTo(1);
		AccountDetails stored = this.accounts.details(CONNECTED).orElseThrow();
		assertThat(stored.status()).isEqualTo(AccountStatus.DISCONNECTED);
		assertThat(stored.disconnectedReason()).contains("code 190");
		assertThat(first.isDisconnected(CONFIGURED)).as("the configured account is not concerned").isFalse();
	}

	@Test
	void anotherInstanceSeesTheDisconnectionAndTheReconnectionWhenItReadsAgain() {
		AccountConnections first = instance(TOKEN);
		AccountConnections second = instance(TOKEN);
		second.reread();

		first.tokenRefused(CONNECTED, "code 190");
		assertThat(second.isDisconnected(CONNECTED)).isFalse();
		second.reread();
		assertThat(second.isDisconnected(CONNECTED)).isTrue();
		assertThat(this.meters.find("bot.account.disconnected").tag("account", CONNECTED).gauge().value())
			.isEqualTo(1.0);

		// Business Login stores the account again, connected, on the first instance.
		this.accounts.save(new ConnectedAccount(CONNECTED, "lumen.porto", AccessToken.of("IGAAnew-token"),
				NOW.plusSeconds(86_400 * 60), NOW, "maria", AccountStatus.CONNECTED, List.of("messages")));
		first.connectedAgain(CONNECTED);
		second.reread();

		assertThat(first.isDisconnected(CONNECTED)).isFalse();
		assertThat(second.isDisconnected(CONNECTED)).isFalse();
		assertThat(this.events).filteredOn(AccountReconnected.class::isInstance)
			.as("the first by the login, the second by the other instance's re-read")
			.containsExactly(new AccountReconnected(CONNECTED, NOW), new AccountReconnected(CONNECTED, NOW));
	}

	@Test
	void theConfiguredAccountKeepsAFingerprintOfTheRefusedTokenAndOnlyAnotherTokenConnectsItAgain() {
		AccountConnections before = instance(TOKEN);
		before.tokenRefused(CONFIGURED, "code 190");
		before.tokenRefused(CONFIGURED, "code 190");

		Map<String, String> record = redis.client().hgetAll(AccountKeys.REFUSED_PREFIX + CONFIGURED);
		assertThat(record).containsEntry("fingerprint", AccountConnections.fingerprint(TOKEN))
			.containsEntry("reason", "code 190")
			.containsEntry("at", NOW.toString());
		assertThat(record.values()).noneMatch((value) -> value.contains(TOKEN));
		assertThat(this.events).singleElement()
			.isEqualTo(new AccountDisconnected(CONFIGURED, null, "code 190", NOW, true));

		AccountConnections restartedWithTheSameToken = instance(TOKEN);
		restartedWithTheSameToken.checkConfiguredToken();
		restartedWithTheSameToken.reread();
		assertThat(restartedWithTheSameToken.isDisconnected(CONFIGURED)).isTrue();

		AccountConnections restartedWithANewToken = instance("IGAAa-new-token");
		restartedWithANewToken.checkConfiguredToken();
		restartedWithANewToken.reread();
		assertThat(restartedWithANewToken.isDisconnected(CONFIGURED)).isFalse();
		assertThat(redis.client().exists(AccountKeys.REFUSED_PREFIX + CONFIGURED)).isFalse();
		assertThat(this.events).contains(new AccountReconnected(CONFIGURED, NOW));
	}

	@Test
	void aRefusalOfATokenReplacedSinceByALoginLeavesTheAccountConnected() {
		AccountConnections connections = instance(TOKEN, Duration.ofHours(1));
		assertThat(this.served.accessTokenOf(CONNECTED)).contains(AccessToken.of("IGAAconnected-token"));
		this.accounts.save(new ConnectedAccount(CONNECTED, "lumen.porto", AccessToken.of("IGAAnew-token"),
				NOW.plusSeconds(86_400 * 60), NOW, "maria", AccountStatus.CONNECTED, List.of("messages")));

		connections.tokenRefused(CONNECTED, "code 190");

		assertThat(connections.isDisconnected(CONNECTED)).isFalse();
		assertThat(this.accounts.details(CONNECTED).orElseThrow().status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(this.events).isEmpty();
		assertThat(this.served.accessTokenOf(CONNECTED)).as("read again").contains(AccessToken.of("IGAAnew-token"));
	}

	@Test
	void aTokenLostAtRefreshIsAnnouncedLikeARefusalWhenSending() {
		AccountConnections connections = instance(TOKEN);
		AccountDetails account = this.accounts.details(CONNECTED).orElseThrow();

		connections.refreshRefused(account, "code 190: the token expired", NOW);

		assertThat(connections.isDisconnected(CONNECTED)).isTrue();
		assertThat(this.events).containsExactly(
				new AccountDisconnected(CONNECTED, "lumen.porto", "code 190: the token expired", NOW, false));
		assertThat(this.meters.counter("bot.accounts.disconnections").count()).isEqualTo(1);
	}

	@Test
	void theFingerprintIsTheTokensSha256() {
		assertThat(AccountConnections.fingerprint("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
