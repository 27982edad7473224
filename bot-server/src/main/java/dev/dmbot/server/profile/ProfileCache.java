package dev.dmbot.server.profile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.PersonalData;

/**
 * The customer's profile, asked of Meta once and then kept: in memory (Caffeine) in front
 * of one Redis key per account and customer, {@code bot:{account:igsid}:profile}, for
 * {@code bot.profile.ttl}. A lookup that failed or found nothing is remembered for
 * {@code bot.profile.failure-ttl}, so a broken profile API is not called on every
 * message.
 * <p>
 * {@link #find} never throws and never waits longer than {@code bot.profile.timeout}: a
 * caller falls back to its default text when it answers empty. In sandbox mode, or with
 * {@code bot.profile.enabled=false}, it always answers empty without calling anyone.
 */
@Component
public class ProfileCache implements PersonalData {

	private static final Logger log = LoggerFactory.getLogger(ProfileCache.class);

	private static final long MAX_PROFILES_IN_MEMORY = 10_000;

	private final ProfileClient client;

	private final UnifiedJedis redis;

	private final ProfileProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Cache<String, Entry> memory;

	@Autowired
	ProfileCache(MetaProperties meta, Accounts accounts, ProfileProperties properties, UnifiedJedis redis,
			JsonMapper json, Clock clock, MeterRegistry meters) {
		this(meta.sandbox() || !properties.enabled() ? null
				: new ProfileClient(meta.graphUrl(), accounts, properties.timeout(), json), properties, redis, json,
				clock, meters, Ticker.systemTicker());
	}

	ProfileCache(ProfileClient client, ProfileProperties properties, UnifiedJedis redis, JsonMapper json, Clock clock,
			MeterRegistry meters, Ticker ticker) {
		this.client = client;
		this.properties = properties;
		this.redis = redis;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
		this.memory = Caffeine.newBuilder()
			.maximumSize(MAX_PROFILES_IN_MEMORY)
			.ticker(ticker)
			.expireAfter(new UntilExpiresAt())
			.build();
	}

	/** The Redis copy of the profile goes with the person's own keys. */
	@Override
	public long erase(String accountId, String senderId) {
		forgetInMemory(accountId, senderId);
		return 0;
	}

	@Override
	public void forgetInMemory(String accountId, String senderId) {
		this.memory.invalidate(ProfileKeys.profile(accountId, senderId));
	}

	/** Whether profiles are looked up at all: off in sandbox mode or when disabled. */
	public boolean enabled() {
		return this.client != null;
	}

	/**
	 * The customer's profile, from memory, Redis or Meta, in that order; empty when it is
	 * not known (lookups off, no consent, Meta failing or slow).
	 */
	public Optional<Profile> find(String accountId, String igsid) {
		if (!enabled()) {
			return Optional.empty();
		}
		String key = ProfileKeys.profile(accountId, igsid);
		try {
			Entry entry = this.memory.getIfPresent(key);
			if (entry == null) {
				entry = stored(key);
				if (entry == null) {
					entry = lookUp(key, accountId, igsid);
					store(key, entry);
				}
				this.memory.put(key, entry);
			}
			return Optional.ofNullable(entry.profile());
		}
		catch (RuntimeException ex) {
			// The reply has a default text; a profile is never worth failing the event.
			log.warn("Profile of {} not available: {}", igsid, ex.toString());
			return Optional.empty();
		}
	}

	private Entry lookUp(String key, String accountId, String igsid) {
		Instant now = this.clock.instant();
		try {
			Profile profile = this.client.fetch(accountId, igsid);
			this.meters.counter("bot.profile.lookups", "outcome", "found").increment();
			return new Entry(profile, now.plus(this.properties.ttl()));
		}
		catch (ProfileClient.ProfileLookupException ex) {
			if (ex.refused()) {
				log.debug("No profile for {}: {}", igsid, ex.getMessage());
				this.meters.counter("bot.profile.lookups", "outcome", "not_found").increment();
			}
			else {
				log.warn("Profile API failed for {}: {}; replies use their default text for {}", igsid, ex.getMessage(),
						this.properties.failureTtl());
				this.meters.counter("bot.profile.lookups", "outcome", "failed").increment();
			}
			return new Entry(null, now.plus(this.properties.failureTtl()));
		}
	}

	private Entry stored(String key) {
		String value;
		try {
			value = this.redis.get(key);
		}
		catch (JedisException ex) {
			log.debug("Profile cache in Redis unreachable: {}", ex.toString());
			return null;
		}
		if (value == null) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(value);
			Instant expiresAt = Instant.ofEpochMilli(node.path("expiresAt").asLong());
			if (!expiresAt.isAfter(this.clock.instant())) {
				return null;
			}
			Profile profile = node.path("found").asBoolean(false)
					? new Profile(node.path("name").asString(null), node.path("username").asString(null)) : null;
			return new Entry(profile, expiresAt);
		}
		catch (RuntimeException ex) {
			log.debug("Ignoring an unreadable cached profile at {}: {}", key, ex.toString());
			return null;
		}
	}

	private void store(String key, Entry entry) {
		var node = this.json.createObjectNode();
		node.put("found", entry.profile() != null);
		if (entry.profile() != null) {
			node.put("name", entry.profile().name());
			node.put("username", entry.profile().username());
		}
		node.put("expiresAt", entry.expiresAt().toEpochMilli());
		long seconds = Math.max(1, Duration.between(this.clock.instant(), entry.expiresAt()).toSeconds());
		try {
			this.redis.set(key, this.json.writeValueAsString(node), SetParams.setParams().ex(seconds));
		}
		catch (JedisException ex) {
			log.debug("Profile not cached in Redis: {}", ex.toString());
		}
	}

	/**
	 * A profile, or {@code null} for a failed lookup, and when to ask again.
	 */
	private record Entry(Profile profile, Instant expiresAt) {
	}

	/** Memory keeps an entry exactly as long as Redis does. */
	private final class UntilExpiresAt implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return Math.max(0, Duration.between(ProfileCache.this.clock.instant(), entry.expiresAt()).toNanos());
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return expireAfterCreate(key, entry, currentTime);
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
