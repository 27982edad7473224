package dev.dmbot.server.workbook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.platform.redis.ChannelSubscription;
import redis.clients.jedis.params.SetParams;

/**
 * Every activated workbook set and which one is live, in Redis, so that all instances
 * serve the same rules and a version survives any one of them. A version keeps its
 * workbooks' bytes: rolling back needs nothing from any disk.
 */
@Component
class RuleSetStore {

	/** How long a pass is remembered: a build older than that is long replaced. */
	private static final long TESTED_SECONDS = java.time.Duration.ofDays(90).toSeconds();

	private static final String WORKBOOK_FIELD = "workbook:";

	private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private final UnifiedJedis redis;

	RuleSetStore(UnifiedJedis redis) {
		this.redis = redis;
	}

	/** Stores a new version; it is not live until {@link #activate}. */
	RuleSetVersion save(List<Workbook> workbooks, String hash, String by, Instant at) {
		int number = (int) this.redis.incr(WorkbookKeys.SEQUENCE);
		Map<byte[], byte[]> fields = new LinkedHashMap<>();
		fields.put(bytes("hash"), bytes(hash));
		fields.put(bytes("by"), bytes(by));
		fields.put(bytes("at"), bytes(at.toString()));
		fields.put(bytes("workbooks"), bytes(String.join("/", workbooks.stream().map(Workbook::name).toList())));
		for (Workbook workbook : workbooks) {
			fields.put(bytes(WORKBOOK_FIELD + workbook.name()), workbook.bytes());
		}
		this.redis.hset(bytes(WorkbookKeys.version(number)), fields);
		this.redis.zadd(WorkbookKeys.VERSIONS, number, Integer.toString(number));
		this.redis.hset(WorkbookKeys.BY_HASH, hash, Integer.toString(number));
		return new RuleSetVersion(number, hash, workbooks.stream().map(Workbook::name).toList(), by, at);
	}

	/** Whether the set of this hash passed its Tests sheets under this build before. */
	boolean passedTests(String hash, String build) {
		return this.redis.exists(WorkbookKeys.TESTED + hash + ":" + build);
	}

	/** Remembers that the set of this hash passed its Tests sheets under this build. */
	void recordPassedTests(String hash, String build, Instant at) {
		this.redis.set(WorkbookKeys.TESTED + hash + ":" + build, at.toString(),
				SetParams.setParams().ex(TESTED_SECONDS));
	}

	void activate(int number) {
		this.redis.set(WorkbookKeys.ACTIVE, Integer.toString(number));
		try {
			// Followers wake at once instead of at their next poll.
			this.redis.publish(WorkbookKeys.ACTIVATED, Integer.toString(number));
		}
		catch (RuntimeException ex) {
			// The version is live; the others find it at their next poll.
		}
	}

	/** Calls {@code listener} when a version may have been activated elsewhere. */
	ChannelSubscription onActivation(Runnable listener) {
		return ChannelSubscription.open(this.redis, WorkbookKeys.ACTIVATED, "rules-activations", listener);
	}

	/** The live version's number, empty before the first activation. */
	Optional<Integer> activeNumber() {
		String active = this.redis.get(WorkbookKeys.ACTIVE);
		return active == null ? Optional.empty() : Optional.of(Integer.parseInt(active));
	}

	Optional<RuleSetVersion> version(int number) {
		List<byte[]> values = this.redis.hmget(bytes(WorkbookKeys.version(number)), bytes("hash"), bytes("by"),
				bytes("at"), bytes("workbooks"));
		if (values.get(0) == null) {
			return Optional.empty();
		}
		return Optional
			.of(new RuleSetVersion(number, text(values.get(0)), Arrays.asList(text(values.get(3)).split("/")),
					text(values.get(1)), Instant.parse(text(values.get(2)))));
	}

	Optional<StoredRuleSet> load(int number) {
		return version(number).map((version) -> {
			List<Workbook> workbooks = new ArrayList<>();
			for (String name : version.workbooks()) {
				byte[] content = this.redis.hget(bytes(WorkbookKeys.version(number)), bytes(WORKBOOK_FIELD + name));
				if (content == null) {
					throw new IllegalStateException("Rules version " + number + " lacks the bytes of " + name);
				}
				workbooks.add(new Workbook(name, content));
			}
			return new StoredRuleSet(version, workbooks);
		});
	}

	/** Every version, newest first. */
	List<RuleSetVersion> versions() {
		List<RuleSetVersion> versions = new ArrayList<>();
		for (String number : this.redis.zrange(WorkbookKeys.VERSIONS, 0, -1)) {
			version(Integer.parseInt(number)).ifPresent(versions::add);
		}
		versions.sort(Comparator.comparingInt(RuleSetVersion::number).reversed());
		return versions;
	}

	/** The version holding exactly these workbooks, if one was ever stored. */
	Optional<RuleSetVersion> findByHash(String hash) {
		String number = this.redis.hget(WorkbookKeys.BY_HASH, hash);
		return number == null ? Optional.empty() : version(Integer.parseInt(number));
	}

	/**
	 * Takes the activation lock shared by all instances, so two uploads at once cannot
	 * build on the same live set and lose one another's workbook.
	 */
	boolean lock(String owner, long millis) {
		return "OK".equals(this.redis.set(WorkbookKeys.LOCK, owner, SetParams.setParams().nx().px(millis)));
	}

	void unlock(String owner) {
		this.redis.eval(RELEASE, List.of(WorkbookKeys.LOCK), List.of(owner));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
	}

}
