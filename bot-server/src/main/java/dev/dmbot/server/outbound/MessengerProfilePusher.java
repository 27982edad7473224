package dev.dmbot.server.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.messengerprofile.MessengerProfile;
import dev.dmbot.server.workbook.RulesActivated;
import dev.dmbot.server.system.DeliveryBackoff;
import dev.dmbot.server.system.MetaProperties;

/**
 * Pushes the ice breakers and persistent menu of the rules this instance activated to
 * Meta, on a thread of its own: the rules are live before the push starts, and a push
 * that fails never takes them back. A failed push is logged, counted and retried with
 * backoff until it succeeds, Meta rejects it for good, or a newer activation replaces it.
 * The hash of the last body Meta accepted is kept in Redis
 * ({@value #OutboundKeys.MESSENGER_PROFILE_PUSHED}), so a restart, a rollback to the same
 * profile or a second instance does not push it again. In sandbox mode the body is
 * recorded in Redis ({@value OutboundKeys#SANDBOX_MESSENGER_PROFILE}) instead.
 */
@Component
class MessengerProfilePusher implements DisposableBean {

	static final String METRIC = "bot.messenger.profile.pushes";

	private static final Logger log = LoggerFactory.getLogger(MessengerProfilePusher.class);

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final MessengerProfileProperties properties;

	private final DeliveryBackoff backoff;

	private final GraphMessengerProfileClient client;

	/** The hash of the newest profile to push; an older one still retrying gives up. */
	private final AtomicReference<String> wanted = new AtomicReference<>();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "messenger-profile-push");
		thread.setDaemon(true);
		return thread;
	});

	MessengerProfilePusher(UnifiedJedis redis, JsonMapper json, MeterRegistry meters, MetaProperties meta,
			Accounts accounts, OutboundProperties outbound, MessengerProfileProperties properties) {
		this.redis = redis;
		this.json = json;
		this.meters = meters;
		this.properties = properties;
		this.backoff = new DeliveryBackoff(properties.initialBackoff(), properties.maxBackoff());
		this.client = meta.sandbox() ? null : new GraphMessengerProfileClient(meta.graphUrl(), meta.accountId(),
				accounts, outbound.requestTimeout(), json);
	}

	@EventListener
	void onRulesActivated(RulesActivated event) {
		MessengerProfile profile = MessengerProfile.of(event.rules());
		if (!this.properties.push() || profile.isEmpty()) {
			// Without the sheet the account keeps what it has: set in the app, or by
			// hand.
			return;
		}
		String body = this.json.writeValueAsString(profile.body());
		String hash = sha256(body);
		this.wanted.set(hash);
		this.executor.execute(() -> attempt(body, hash, event.version().number(), 1));
	}

	private void attempt(String body, String hash, int version, int attempt) {
		if (!hash.equals(this.wanted.get())) {
			return;
		}
		try {
			if (hash.equals(this.redis.get(OutboundKeys.MESSENGER_PROFILE_PUSHED))) {
				count("unchanged");
				log.debug("Ice breakers and menu of rules version {} are already on Instagram", version);
				return;
			}
			if (this.client == null) {
				this.redis.set(OutboundKeys.SANDBOX_MESSENGER_PROFILE, body);
				this.redis.set(OutboundKeys.MESSENGER_PROFILE_PUSHED, hash);
				count("sandbox");
				log.info(
						"Sandbox mode: the ice breakers and menu of rules version {} are recorded in Redis ({}) "
								+ "instead of being pushed to Instagram",
						version, OutboundKeys.SANDBOX_MESSENGER_PROFILE);
				return;
			}
			this.client.push(body);
			this.redis.set(OutboundKeys.MESSENGER_PROFILE_PUSHED, hash);
			count("pushed");
			log.info("Ice breakers and menu of rules version {} pushed to Instagram", version);
		}
		catch (MessengerProfileException ex) {
			if (!ex.error().transientFailure()) {
				count("rejected");
				log.error("Meta rejected the ice breakers and menu of rules version {}; the rules stay live, "
						+ "fix the sheet and activate again: {}", version, ex.getMessage());
				return;
			}
			retry(body, hash, version, attempt, ex);
		}
		catch (RuntimeException ex) {
			// Redis unreachable, or an unexpected answer: worth another try all the same.
			retry(body, hash, version, attempt, ex);
		}
	}

	private void retry(String body, String hash, int version, int attempt, RuntimeException ex) {
		count("failed");
		Duration wait = this.backoff.next(attempt, null);
		log.warn("Pushing the ice breakers and menu of rules version {} failed (attempt {}), retrying in {} ms; "
				+ "the rules stay live: {}", version, attempt, wait.toMillis(), ex.getMessage());
		try {
			this.executor.schedule(() -> attempt(body, hash, version, attempt + 1), wait.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException rejected) {
			log.debug("No retry: shutting down");
		}
	}

	private void count(String outcome) {
		this.meters.counter(METRIC, "outcome", outcome).increment();
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
