package dev.dmbot.server.accounts.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.dmbot.server.accounts.Account;
import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.platform.redis.Hashes;

/**
 * Records, per account and shared by every instance, when the webhook last stored an
 * event, when Meta last accepted a send and which sends it refused; and reports an
 * account that used to receive events and has gone silent ({@code bot_account_silent}).
 * <p>
 * Recording never fails the webhook or a send: a Redis error costs the stamp, not the
 * message. The two times are written at most every
 * {@code bot.accounts.activity.write-every} per account and instance, so a busy account
 * costs no Redis command per DM.
 */
@Component
public class AccountActivity {

	private static final Logger log = LoggerFactory.getLogger(AccountActivity.class);

	static final String RECEIVED = "received";

	static final String SENT = "sent";

	static final String SEND_ERRORS = "sendErrors";

	static final String ERROR_AT = "errorAt";

	static final String ERROR_CODE = "errorCode";

	static final String ERROR_DESCRIPTION = "errorDescription";

	private final Hashes hashes;

	private final Accounts accounts;

	private final Clock clock;

	private final AccountActivityProperties properties;

	private final MeterRegistry meters;

	private final Map<String, Long> receivedWrittenAt = new ConcurrentHashMap<>();

	private final Map<String, Long> sentWrittenAt = new ConcurrentHashMap<>();

	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	/** What the gauges show, read at most once per scrape interval. */
	private final Cache<String, Activity> forGauges = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.build();

	public AccountActivity(Hashes hashes, Accounts accounts, Clock clock, AccountActivityProperties properties,
			MeterRegistry meters) {
		this.hashes = hashes;
		this.accounts = accounts;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
	}

	/** The webhook stored an event for the account. */
	public void received(String accountId) {
		stamp(accountId, RECEIVED, this.receivedWrittenAt);
	}

	/** Meta accepted a message the account sent. */
	public void sent(String accountId) {
		stamp(accountId, SENT, this.sentWrittenAt);
	}

	/** Meta refused a send for good, with this error. */
	public void sendFailed(String accountId, int code, String description) {
		try {
			this.hashes.increment(ActivityKeys.activity(accountId), SEND_ERRORS,
					Map.of(ERROR_AT, Long.toString(this.clock.millis()), ERROR_CODE, Integer.toString(code),
							ERROR_DESCRIPTION, (description != null) ? description : ""));
		}
		catch (RuntimeException ex) {
			log.debug("Send error of account {} not recorded: {}", accountId, ex.toString());
		}
		gauge(accountId);
	}

	/**
	 * What the account did lately, read from Redis.
	 * @throws dev.dmbot.server.system.TransientException when Redis cannot be reached
	 */
	public Activity of(String accountId) {
		Map<String, String> fields = this.hashes.read(ActivityKeys.activity(accountId));
		if (fields.isEmpty()) {
			return Activity.NONE;
		}
		Activity.SendError error = fields.containsKey(ERROR_AT) ? new Activity.SendError(instant(fields.get(ERROR_AT)),
				(int) number(fields.get(ERROR_CODE)), fields.getOrDefault(ERROR_DESCRIPTION, "")) : null;
		return new Activity(instant(fields.get(RECEIVED)), instant(fields.get(SENT)), number(fields.get(SEND_ERRORS)),
				error);
	}

	/** Whether the account has gone silent now (see {@link Activity#silent}). */
	public boolean silent(Activity activity) {
		return activity.silent(this.clock.instant(), this.properties.silenceAlertAfter());
	}

	@EventListener(ApplicationReadyEvent.class)
	void gaugeServedAccounts() {
		try {
			for (Account account : this.accounts.all()) {
				gauge(account.id());
			}
		}
		catch (RuntimeException ex) {
			log.debug("Accounts not gauged at start-up: {}", ex.toString());
		}
	}

	private void stamp(String accountId, String field, Map<String, Long> writtenAt) {
		long now = this.clock.millis();
		Long last = writtenAt.get(accountId);
		if (last != null && now - last < this.properties.writeEvery().toMillis()) {
			return;
		}
		writtenAt.put(accountId, now);
		try {
			this.hashes.write(ActivityKeys.activity(accountId), Map.of(field, Long.toString(now)));
		}
		catch (RuntimeException ex) {
			// Written again at the next event rather than a whole interval later.
			writtenAt.remove(accountId);
			log.debug("Activity of account {} not recorded: {}", accountId, ex.toString());
		}
		gauge(accountId);
	}

	private void gauge(String accountId) {
		if (this.gauged.add(accountId)) {
			Gauge.builder("bot.account.silent", this, (activity) -> activity.silentNow(accountId))
				.description("1 when an account that used to receive webhook events has received none for "
						+ "bot.accounts.activity.silence-alert-after; its webhook or token may have stopped working")
				.tag("account", accountId)
				.register(this.meters);
		}
	}

	private double silentNow(String accountId) {
		try {
			Activity activity = this.forGauges.get(accountId, this::of);
			return silent(activity) ? 1 : 0;
		}
		catch (RuntimeException ex) {
			// Redis away: the scrape shows no value rather than a wrong one.
			return Double.NaN;
		}
	}

	private static Instant instant(String millis) {
		return (millis == null) ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

	private static long number(String value) {
		return (value == null) ? 0 : Long.parseLong(value);
	}

}
