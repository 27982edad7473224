package dev.dmbot.server.leads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.DeadLetterGauge;
import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.Ulid;

/**
 * Leads in Redis: a hash per lead ({@code bot:{leads}:lead:<id>}), sorted sets by
 * creation time for all leads and per account, a key per (conversation, source) that
 * makes a redelivered event find its lead, the set of dead-lettered ids and the
 * dead-letter stream. Everything expires after {@code bot.leads.retention}. The keys a
 * new lead is written to in one script share the hash tag {@code {leads}}, so the script
 * runs on a Redis Cluster too (all leads then live on one node: they are few).
 */
@Component
class LeadStore {

	private static final TypeReference<LinkedHashMap<String, String>> SLOTS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
	};

	/**
	 * KEYS: source key, lead key, by-time, by-account, pending deliveries. ARGV: id, ttl
	 * ms, created millis, lead key prefix, due millis (empty: not delivered), then
	 * field/value pairs. Returns the existing lead's id, or nil when this one was
	 * created. The lead and its first delivery are stored together, so no lead is stored
	 * but forgotten.
	 */
	private static final String CREATE = """
			local existing = redis.call('get', KEYS[1])
			if existing and redis.call('exists', ARGV[4] .. existing) == 1 then return existing end
			redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
			for i = 6, #ARGV, 2 do redis.call('hset', KEYS[2], ARGV[i], ARGV[i + 1]) end
			redis.call('pexpire', KEYS[2], ARGV[2])
			redis.call('zadd', KEYS[3], ARGV[3], ARGV[1])
			redis.call('zadd', KEYS[4], ARGV[3], ARGV[1])
			if ARGV[5] ~= '' then redis.call('zadd', KEYS[5], ARGV[5], ARGV[1]) end
			return false
			""";

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final Duration retention;

	private final DeadLetterProperties deadLetters;

	LeadStore(UnifiedJedis redis, JsonMapper json, LeadsProperties properties, DeadLetterProperties deadLetters,
			MeterRegistry meters) {
		DeadLetterGauge.register(meters, redis, "leads", LeadKeys.DEAD_LETTERS);
		this.redis = redis;
		this.json = json;
		this.retention = properties.retention();
		this.deadLetters = deadLetters;
	}

	/**
	 * Stores the lead unless its (conversation, source) already has one.
	 * @param dueMillis when its first delivery is due, or null when leads are not
	 * delivered
	 * @return the id of the lead that was there before, or empty when this one was stored
	 */
	Optional<String> createUnlessKnown(Lead lead, Long dueMillis) {
		List<String> args = new ArrayList<>(List.of(lead.id(), Long.toString(this.retention.toMillis()),
				Long.toString(lead.createdAt().toEpochMilli()), LeadKeys.LEAD_PREFIX,
				dueMillis == null ? "" : Long.toString(dueMillis)));
		fields(lead).forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		Object existing = this.redis.eval(CREATE,
				List.of(LeadKeys.source(lead.conversationId(), lead.source()), LeadKeys.LEAD_PREFIX + lead.id(),
						LeadKeys.BY_TIME, LeadKeys.BY_ACCOUNT_PREFIX + lead.accountId(), LeadKeys.PENDING),
				args);
		return existing instanceof String id ? Optional.of(id) : Optional.empty();
	}

	Optional<Lead> find(String id) {
		if (!Ulid.looksValid(id)) {
			return Optional.empty();
		}
		return read(this.redis.hgetAll(LeadKeys.LEAD_PREFIX + id));
	}

	/** Replaces what the flow collected and marks the lead new again. */
	void updateContent(String id, Map<String, String> slots, int score, List<String> tags, Instant now) {
		Map<String, String> fields = new HashMap<>();
		fields.put("slots", this.json.writeValueAsString(slots));
		fields.put("score", Integer.toString(score));
		fields.put("tags", this.json.writeValueAsString(tags));
		fields.put("updatedAt", now.toString());
		this.redis.hset(LeadKeys.LEAD_PREFIX + id, fields);
	}

	/** Queued for a fresh round of tries. */
	void markQueued(String id, Instant now) {
		this.redis.hset(LeadKeys.LEAD_PREFIX + id, Map.of("status", LeadStatus.NEW.tag(), "attempts", "0", "queuedAt",
				now.toString(), "updatedAt", now.toString()));
		this.redis.srem(LeadKeys.DEAD_LETTERED, id);
	}

	/** Counts one more try; returns the new count. */
	int countAttempt(String id) {
		return (int) this.redis.hincrBy(LeadKeys.LEAD_PREFIX + id, "attempts", 1);
	}

	Instant queuedAt(String id) {
		String queuedAt = this.redis.hget(LeadKeys.LEAD_PREFIX + id, "queuedAt");
		return queuedAt == null ? null : Instant.parse(queuedAt);
	}

	void markDelivered(String id, Instant now) {
		this.redis.hset(LeadKeys.LEAD_PREFIX + id, Map.of("status", LeadStatus.DELIVERED.tag(), "updatedAt",
				now.toString(), "deliveredAt", now.toString()));
		this.redis.hdel(LeadKeys.LEAD_PREFIX + id, "lastError");
		this.redis.srem(LeadKeys.DEAD_LETTERED, id);
	}

	void recordError(String id, String error) {
		this.redis.hset(LeadKeys.LEAD_PREFIX + id, "lastError", error);
	}

	void markDeadLettered(Lead lead, String error, Instant now) {
		this.redis.hset(LeadKeys.LEAD_PREFIX + lead.id(),
				Map.of("status", LeadStatus.DEAD_LETTERED.tag(), "lastError", error, "updatedAt", now.toString()));
		this.redis.sadd(LeadKeys.DEAD_LETTERED, lead.id());
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("lead", lead.id());
		entry.put("account", lead.accountId());
		entry.put("conversation", lead.conversationId());
		entry.put("attempts", Integer.toString(lead.attempts()));
		entry.put("error", error);
		entry.put("at", now.toString());
		this.deadLetters.add(this.redis, LeadKeys.DEAD_LETTERS, entry);
	}

	Set<String> deadLettered() {
		return this.redis.smembers(LeadKeys.DEAD_LETTERED);
	}

	void forgetDeadLettered(String id) {
		this.redis.srem(LeadKeys.DEAD_LETTERED, id);
	}

	long deadLetterCount() {
		return this.redis.xlen(LeadKeys.DEAD_LETTERS);
	}

	List<Lead> list(LeadQuery query, Instant now) {
		String index = query.account() != null ? LeadKeys.BY_ACCOUNT_PREFIX + query.account() : LeadKeys.BY_TIME;
		// Leads expire on their own; their index entries are dropped here.
		this.redis.zremrangeByScore(index, Double.NEGATIVE_INFINITY, now.minus(this.retention).toEpochMilli());
		double max = query.until() != null ? query.until().toEpochMilli() : Double.POSITIVE_INFINITY;
		double min = query.since() != null ? query.since().toEpochMilli() : Double.NEGATIVE_INFINITY;
		List<Lead> leads = new ArrayList<>();
		int page = Math.min(500, Math.max(50, query.limit()));
		for (int offset = 0; leads.size() < query.limit(); offset += page) {
			List<String> ids = this.redis.zrevrangeByScore(index, max, min, offset, page);
			if (ids.isEmpty()) {
				break;
			}
			List<Response<Map<String, String>>> hashes = new ArrayList<>();
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				for (String id : ids) {
					hashes.add(pipeline.hgetAll(LeadKeys.LEAD_PREFIX + id));
				}
				pipeline.sync();
			}
			for (Response<Map<String, String>> hash : hashes) {
				Optional<Lead> lead = read(hash.get());
				if (lead.isPresent() && query.matches(lead.get()) && leads.size() < query.limit()) {
					leads.add(lead.get());
				}
			}
			if (ids.size() < page) {
				break;
			}
		}
		return leads;
	}

	private Map<String, String> fields(Lead lead) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", lead.id());
		fields.put("account", lead.accountId());
		fields.put("sender", lead.senderId());
		fields.put("conversation", lead.conversationId());
		fields.put("slots", this.json.writeValueAsString(lead.slots()));
		fields.put("score", Integer.toString(lead.score()));
		fields.put("tags", this.json.writeValueAsString(lead.tags()));
		if (lead.source().flow() != null) {
			fields.put("flow", lead.source().flow());
		}
		if (lead.source().rule() != null) {
			fields.put("rule", lead.source().rule());
		}
		fields.put("status", lead.status().tag());
		fields.put("createdAt", lead.createdAt().toString());
		fields.put("updatedAt", lead.updatedAt().toString());
		fields.put("queuedAt", lead.updatedAt().toString());
		fields.put("attempts", Integer.toString(lead.attempts()));
		return fields;
	}

	private Optional<Lead> read(Map<String, String> hash) {
		if (hash == null || hash.get("id") == null) {
			return Optional.empty();
		}
		return Optional.of(new Lead(hash.get("id"), hash.get("account"), hash.get("sender"), hash.get("conversation"),
				this.json.readValue(hash.get("slots"), SLOTS), Integer.parseInt(hash.get("score")),
				this.json.readValue(hash.get("tags"), TAGS), new LeadSource(hash.get("flow"), hash.get("rule")),
				LeadStatus.of(hash.get("status")), Instant.parse(hash.get("createdAt")),
				Instant.parse(hash.get("updatedAt")), Integer.parseInt(hash.getOrDefault("attempts", "0")),
				hash.get("lastError")));
	}

}
