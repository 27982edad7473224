package dev.dmbot.server.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.ClaimWorkers;
import dev.dmbot.server.system.DueQueue;
import dev.dmbot.server.platform.redis.RedisTransactions;

/**
 * Data-deletion requests: each is stored in Redis before it is answered, carried out at
 * once in the background, and tried again (by any instance) until every key of the person
 * is gone. The stored request holds the person's id only until then; afterwards the
 * status page knows the code, the times and a count, for
 * {@code bot.privacy.status-retention}.
 * <ul>
 * <li>{@code bot:{privacy}:deletion:<code>}: the request (a hash)</li>
 * <li>{@code bot:{privacy}:deletions:due}: requests still to carry out (a
 * {@link DueQueue})</li>
 * </ul>
 */
@Component
class DataDeletions implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DataDeletions.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{20}");

	/**
	 * Longer than any erasure should take; a claim lapses only when its instance died.
	 */
	private static final Duration LEASE = Duration.ofMinutes(10);

	private static final Duration RETRY = Duration.ofSeconds(30);

	private final SecureRandom random = new SecureRandom();

	private final UnifiedJedis redis;

	private final PersonErasure erasure;

	private final PrivacyProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final DueQueue due;

	private final ClaimWorkers workers = new ClaimWorkers("privacy-deletion-", "privacy-poller-", 1, 16);

	private volatile boolean running;

	/** The newest erasure this instance has forgotten the in-memory data of. */
	private volatile long forgottenUntil;

	DataDeletions(UnifiedJedis redis, PersonErasure erasure, PrivacyProperties properties, MeterRegistry meters,
			Clock clock) {
		this.redis = redis;
		this.erasure = erasure;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
		this.due = new DueQueue(redis, PrivacyKeys.DELETIONS_DUE);
	}

	/**
	 * Stores a request to remove everything about {@code userId} and starts carrying it
	 * out.
	 * @param origin who asked: {@code meta} or the admin token's name, for the record
	 */
	DeletionStatus request(String userId, String origin) {
		String code = newCode();
		Instant now = this.clock.instant();
		Map<String, String> fields = new HashMap<>();
		fields.put("status", DeletionStatus.PENDING);
		fields.put("user", userId);
		fields.put("requestedAt", now.toString());
		fields.put("origin", origin);
		// Both or neither: a request stored but not queued would keep the person's id for
		// ever.
		try (AbstractTransaction transaction = RedisTransactions.forHashTag(this.redis, "privacy")) {
			transaction.hset(PrivacyKeys.deletion(code), fields);
			transaction.zadd(PrivacyKeys.DELETIONS_DUE, now.toEpochMilli(), code);
			transaction.exec();
		}
		this.meters.counter("bot.privacy.deletions", "outcome", "requested").increment();
		log.info("Data-deletion request {} received from {}", code, origin);
		long claim = now.plus(LEASE).toEpochMilli();
		if (this.due.claim(code, now.toEpochMilli(), claim) && !this.workers.execute(() -> carryOut(code, claim))) {
			// The poller, here or elsewhere, takes it once the claim lapses.
			log.info("Data-deletion request {} waits for a free worker", code);
		}
		return new DeletionStatus(code, DeletionStatus.PENDING, now, null, null);
	}

	Optional<DeletionStatus> status(String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		Map<String, String> hash = this.redis.hgetAll(PrivacyKeys.deletion(code));
		if (hash == null || hash.get("status") == null) {
			return Optional.empty();
		}
		return Optional.of(new DeletionStatus(code, hash.get("status"), instant(hash.get("requestedAt")),
				instant(hash.get("completedAt")),
				hash.containsKey("removed") ? Long.valueOf(hash.get("removed")) : null));
	}

	void carryOut(String code, long claim) {
		try {
			String userId = this.redis.hget(PrivacyKeys.deletion(code), "user");
			if (userId == null) {
				// Completed already, or its record is gone: nothing left to do.
				this.due.done(code, claim);
				return;
			}
			long started = System.nanoTime();
			long removed = this.erasure.erase(userId);
			Map<String, String> done = new HashMap<>();
			done.put("status", DeletionStatus.COMPLETED);
			done.put("completedAt", this.clock.instant().toString());
			done.put("removed", Long.toString(removed));
			this.redis.hset(PrivacyKeys.deletion(code), done);
			this.redis.hdel(PrivacyKeys.deletion(code), "user");
			this.redis.expire(PrivacyKeys.deletion(code), this.properties.statusRetention().toSeconds());
			this.due.done(code, claim);
			this.meters.counter("bot.privacy.deletions", "outcome", "completed").increment();
			log.info("Data-deletion request {} completed: {} keys, entries and fields removed in {} ms", code, removed,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (RuntimeException ex) {
			this.meters.counter("bot.privacy.deletions", "outcome", "retried").increment();
			log.warn("Data-deletion request {} not completed, trying again in {}: {}", code, RETRY, ex.toString());
			try {
				this.due.retryAt(code, claim, this.clock.instant().plus(RETRY).toEpochMilli());
			}
			catch (RuntimeException unreachable) {
				// The claim lapses and the poller tries again.
			}
		}
	}

	void poll() {
		try {
			this.forgottenUntil = this.erasure.forgetErasedSince(this.forgottenUntil);
		}
		catch (RuntimeException ex) {
			log.debug("Could not look for people erased by other instances: {}", ex.toString());
		}
		try {
			int room = this.workers.room(4);
			if (room == 0) {
				return;
			}
			long now = this.clock.millis();
			long claim = now + LEASE.toMillis();
			for (String code : this.due.claimDue(now, claim, room)) {
				this.workers.execute(() -> carryOut(code, claim));
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not look for data-deletion requests: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		// What was erased before this instance started is not in its memory.
		this.forgottenUntil = this.clock.millis();
		this.workers.start(this.properties.pollInterval(), this::poll);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.workers.stop(Duration.ofSeconds(10));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private static Instant instant(String value) {
		return (value == null) ? null : Instant.parse(value);
	}

}
