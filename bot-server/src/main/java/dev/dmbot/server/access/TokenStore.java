package dev.dmbot.server.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.platform.redis.RedisFailures;
import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;

/**
 * Issued tokens in Redis, kept only as their SHA-256: {@code bot:{access}:token:<hex>} is
 * a hash of name, role, created-at, created-by and, for a bound AGENT token, the
 * comma-separated accounts; and {@code bot:{access}:token-names} maps each name to its
 * hex digest so a token can be revoked by name. Every check reads Redis, with no cache,
 * so a revocation holds on every instance at once. The keys share a hash tag so the
 * scripts below stay in one Redis Cluster slot.
 */
@Component
class TokenStore {

	static final String PREFIX = "dmbot_";

	/** Adds the name only if it is free, and the token with it, in one step. */
	private static final String CREATE = """
			if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
			redis.call('HSET', KEYS[2], 'name', ARGV[1], 'role', ARGV[3], 'createdAt', ARGV[4], 'createdBy', ARGV[5])
			if ARGV[6] ~= '' then redis.call('HSET', KEYS[2], 'accounts', ARGV[6]) end
			return 1
			""";

	/**
	 * Removes the name and the token it points to in one step, so a name revoked and
	 * issued again at the same time never leaves a live token behind.
	 */
	private static final String REVOKE = """
			local digest = redis.call('HGET', KEYS[1], ARGV[1])
			if not digest then return 0 end
			redis.call('DEL', ARGV[2] .. digest)
			redis.call('HDEL', KEYS[1], ARGV[1])
			return 1
			""";

	private static final int TOKEN_BYTES = 32;

	private static final SecureRandom random = new SecureRandom();

	private final UnifiedJedis redis;

	private final Clock clock;

	TokenStore(UnifiedJedis redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Issues a token. The returned value is the only copy of it: Redis keeps its hash.
	 * @return the new token, or empty when a token of that name exists already
	 */
	Optional<String> create(String name, Role role, String createdBy) {
		return create(name, role, createdBy, List.of());
	}

	/**
	 * Issues a token bound to these accounts (empty: not bound).
	 * @return the new token, or empty when a token of that name exists already
	 */
	Optional<String> create(String name, Role role, String createdBy, List<String> accounts) {
		String token = newToken();
		String digest = TokenDigest.hex(token);
		Object created = call(() -> this.redis.eval(CREATE,
				List.of(AccessKeys.NAMES, AccessKeys.TOKEN_KEY_PREFIX + digest), List.of(name, digest, role.name(),
						this.clock.instant().toString(), createdBy, String.join(",", accounts))));
		return Long.valueOf(1).equals(created) ? Optional.of(token) : Optional.empty();
	}

	/** The token's record, or empty when it was never issued or has been revoked. */
	Optional<StoredToken> find(String token) {
		if (!token.startsWith(PREFIX)) {
			// Not one of ours: no need to ask Redis.
			return Optional.empty();
		}
		Map<String, String> fields = call(
				() -> this.redis.hgetAll(AccessKeys.TOKEN_KEY_PREFIX + TokenDigest.hex(token)));
		return toStoredToken(fields);
	}

	/** Every issued token, by name, without its secret. */
	List<StoredToken> list() {
		return call(() -> {
			List<StoredToken> tokens = new ArrayList<>();
			for (String digest : this.redis.hvals(AccessKeys.NAMES)) {
				toStoredToken(this.redis.hgetAll(AccessKeys.TOKEN_KEY_PREFIX + digest)).ifPresent(tokens::add);
			}
			tokens.sort(Comparator.comparing(StoredToken::name));
			return tokens;
		});
	}

	/**
	 * @return whether a token of that name existed; from now on it is refused
	 */
	boolean revoke(String name) {
		Object revoked = call(
				() -> this.redis.eval(REVOKE, List.of(AccessKeys.NAMES), List.of(name, AccessKeys.TOKEN_KEY_PREFIX)));
		return Long.valueOf(1).equals(revoked);
	}

	/** 256 random bits, base64url, behind a prefix that secret scanners can look for. */
	static String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Optional<StoredToken> toStoredToken(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return Optional.empty();
		}
		String accounts = fields.get("accounts");
		return Optional.of(new StoredToken(fields.get("name"), Role.parse(fields.get("role")),
				Instant.parse(fields.get("createdAt")), fields.get("createdBy"),
				accounts == null || accounts.isEmpty() ? null : List.of(accounts.split(","))));
	}

	private static <T> T call(RedisCall<T> call) {
		try {
			return RedisFailures.translating("Asking Redis about tokens", call::run);
		}
		catch (RedisUnavailableException | RedisRefusedException ex) {
			// Redis error replies do not repeat a command's arguments: no digest in the
			// message.
			Throwable jedis = ex.getCause();
			throw new TokenStoreUnavailableException("Redis could not be asked about tokens: " + jedis.getMessage(),
					jedis);
		}
	}

	@FunctionalInterface
	private interface RedisCall<T> {

		T run();

	}

}
