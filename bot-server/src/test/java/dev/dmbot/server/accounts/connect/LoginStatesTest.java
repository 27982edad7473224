package dev.dmbot.server.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccountKeys;
import dev.dmbot.server.support.MovableClock;

/**
 * The login's {@code state}: random, single-use, short-lived and bound to the browser
 * that started the login.
 */
class LoginStatesTest {

	static final URI REDIRECT = URI.create("https://bot.example.com/accounts/callback");

	final Map<String, String> stored = new HashMap<>();

	final Map<String, Duration> timesToLive = new HashMap<>();

	final MovableClock clock = new MovableClock();

	final LoginStates states = new LoginStates(new StateStore() {
		@Override
		public boolean put(String key, String value, Duration timeToLive) {
			LoginStatesTest.this.timesToLive.put(key, timeToLive);
			return LoginStatesTest.this.stored.putIfAbsent(key, value) == null;
		}

		@Override
		public Optional<String> take(String key) {
			return Optional.ofNullable(LoginStatesTest.this.stored.remove(key));
		}
	}, JsonMapper.builder().build(), this.clock, Duration.ofMinutes(10));

	@Test
	void aStartedLoginIsFinishedOnceByTheBrowserThatStartedIt() {
		LoginStates.Started started = this.states.start("maria", REDIRECT);

		assertThat(started.state()).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(this.timesToLive).containsEntry(AccountKeys.login(started.state()), Duration.ofMinutes(10));
		assertThat(this.stored.get(AccountKeys.login(started.state()))).contains("maria")
			.doesNotContain(started.browserSecret());
		assertThat(started.toString()).doesNotContain(started.browserSecret());

		PendingLogin login = this.states.finish(started.state(), started.browserSecret());

		assertThat(login.admin()).isEqualTo("maria");
		assertThat(login.redirectUri()).isEqualTo(REDIRECT);
		assertThat(this.stored).isEmpty();
		assertThatThrownBy(() -> this.states.finish(started.state(), started.browserSecret()))
			.isInstanceOfSatisfying(LoginFailedException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(LoginFailure.STATE_REFUSED))
			.hasMessageContaining("used already");
	}

	@Test
	void everyLoginHasItsOwnStateAndSecret() {
		LoginStates.Started first = this.states.start("maria", REDIRECT);
		LoginStates.Started second = this.states.start("maria", REDIRECT);

		assertThat(first.state()).isNotEqualTo(second.state());
		assertThat(first.browserSecret()).isNotEqualTo(second.browserSecret()).isNotEqualTo(first.state());
	}

	@Test
	void anotherBrowserCannotFinishTheLoginAndSpendsIt() {
		LoginStates.Started started = this.states.start("maria", REDIRECT);
		LoginStates.Started other = this.states.start("maria", REDIRECT);

		assertFailure(() -> this.states.finish(started.state(), null), LoginFailure.OTHER_BROWSER);
		assertFailure(() -> this.states.finish(other.state(), started.browserSecret()), LoginFailure.OTHER_BROWSER);
		assertFailure(() -> this.states.finish(started.state(), started.browserSecret()), LoginFailure.STATE_REFUSED);
	}

	@Test
	void aLoginExpires() {
		LoginStates.Started started = this.states.start("maria", REDIRECT);
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		assertThatThrownBy(() -> this.states.finish(started.state(), started.browserSecret()))
			.isInstanceOfSatisfying(LoginFailedException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(LoginFailure.STATE_REFUSED))
			.hasMessageContaining("10 minutes");
	}

	@Test
	void aStateThisServerNeverIssuesIsRefusedWithoutAskingTheStore() {
		this.stored.put(AccountKeys.login("short"), "{}");

		assertFailure(() -> this.states.finish("short", "secret"), LoginFailure.STATE_REFUSED);
		assertFailure(() -> this.states.finish(null, "secret"), LoginFailure.STATE_REFUSED);
		assertFailure(() -> this.states.finish("a:b{c}" + "x".repeat(37), "secret"), LoginFailure.STATE_REFUSED);
		assertThat(this.stored).containsKey(AccountKeys.login("short"));
	}

	@Test
	void theCookieIsNamedAfterTheState() {
		assertThat(LoginStates.cookieName("abc")).isEqualTo("dmbot_login_abc");
	}

	private static void assertFailure(Runnable call, LoginFailure failure) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(LoginFailedException.class,
				(ex) -> assertThat(ex.failure()).isEqualTo(failure));
	}

}
