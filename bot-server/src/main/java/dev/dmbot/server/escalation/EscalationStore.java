package dev.dmbot.server.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.system.Ulid;

/**
 * Escalations in Redis, and nowhere else, so any instance can serve any agent.
 * <ul>
 * <li>{@code bot:{account:sender}:escalation} names the open escalation of a conversation
 * (the pause pointer), {@code bot:{account:sender}:escalation:<id>} is its hash and
 * {@code …:<id>:notes} its notes: one hash slot with the conversation's context and
 * log.</li>
 * <li>{@code bot:escalations:{account}:open} is the account's queue and
 * {@code bot:escalations:{account}:all} every recent escalation, ids scored by opening
 * time; {@code bot:escalations:team:<team>:open} the open ones of a team (the queue
 * gauge).</li>
 * <li>{@code bot:escalations:id:<id>} says which conversation an id belongs to;
 * {@code bot:escalations:accounts} and {@code bot:escalations:teams} list what was
 * seen.</li>
 * </ul>
 * Open escalations never expire; a closed one is kept for {@code retention}. Times are
 * epoch milliseconds, so scripts can compare them.
 */
@Component
class EscalationStore {

	/**
	 * KEYS: pause pointer, new hash. ARGV: id, hash key prefix, then field/value pairs.
	 * Returns the id of the escalation already open, or nil when this one was created.
	 */
	private static final String OPEN = """
			local existing = redis.call('get', KEYS[1])
			if existing then
			  local status = redis.call('hget', ARGV[2] .. existing, 'status')
			  if status == 'open' or status == 'claimed' then return existing end
			end
			redis.call('set', KEYS[1], ARGV[1])
			for i = 3, #ARGV, 2 do redis.call('hset', KEYS[2], ARGV[i], ARGV[i + 1]) end
			return false
			""";

	/** KEYS: pause pointer. ARGV: hash key prefix. The open escalation's hash, or nil. */
	private static final String CURRENT = """
			local id = redis.call('get', KEYS[1])
			if not id then return false end
			local hash = redis.call('hgetall', ARGV[1] .. id)
			if #hash == 0 then return false end
			return hash
			""";

	/**
	 * KEYS: pause pointer, hash, notes. ARGV: id, status, closedAt, closedBy, expected
	 * lastActivityAt ('' for any), ttl ms. Closes it only if it is still open (and, for a
	 * timeout, nobody wrote meanwhile). Returns 1 when this call closed it.
	 */
	private static final String CLOSE = """
			local status = redis.call('hget', KEYS[2], 'status')
			if status ~= 'open' and status ~= 'claimed' then return 0 end
			if ARGV[5] ~= '' and redis.call('hget', KEYS[2], 'lastActivityAt') ~= ARGV[5] then return 0 end
			redis.call('hset', KEYS[2], 'status', ARGV[2], 'closedAt', ARGV[3], 'closedBy', ARGV[4])
			if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end
			redis.call('pexpire', KEYS[2], ARGV[6])
			redis.call('pexpire', KEYS[3], ARGV[6])
			return 1
			""";

	/**
	 * KEYS: hash. ARGV: number of set pairs, the set pairs, then set-if-absent pairs.
	 * Changes only an open escalation: 1 done, 0 closed, -1 unknown.
	 */
	private static final String UPDATE = """
			local status = redis.call('hget', KEYS[1], 'status')
			if not status then return -1 end
			if status ~= 'open' and status ~= 'claimed' then return 0 end
			local sets = tonumber(ARGV[1])
			for i = 2, 1 + 2 * sets, 2 do redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 1]) end
			for i = 2 + 2 * sets, #ARGV, 2 do redis.call('hsetnx', KEYS[1], ARGV[i], ARGV[i + 1]) end
			return 1
			""";

	/**
	 * KEYS: hash. ARGV: at millis, text. A message from the customer: moves
	 * lastActivityAt forward (never back) on an open escalation. 1 done, 0 closed.
	 */
	private static final String TOUCH = """
			local status = redis.call('hget', KEYS[1], 'status')
			if status ~= 'open' and status ~= 'claimed' then return 0 end
			local at = tonumber(ARGV[1])
			if at > tonumber(redis.call('hget', KEYS[1], 'lastActivityAt') or '0') then
			  redis.call('hset', KEYS[1], 'lastActivityAt', ARGV[1])
			end
			if at >= tonumber(redis.call('hget', KEYS[1], 'lastCustomerAt') or '0') then
			  redis.call('hset', KEYS[1], 'lastCustomerAt', ARGV[1], 'lastCustomerMessage', ARGV[2])
			end
			return 1
			""";

	private static final TypeReference<LinkedHashMap<String, String>> SLOTS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
	};

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final Duration retention;

	EscalationStore(UnifiedJedis redis, JsonMapper json, EscalationProperties properties) {
		this.redis = redis;
		this.json = json;
		this.retention = properties.retention();
	}

	/**
	 * Stores the escalation unless its conversation has one open already.
	 * @return the id of the one already open, or empty when this one was stored
	 */
	Optional<String> createUnlessOpen(Escalation escalation, String customerMessage, String openedBy) {
		List<String> args = new ArrayList<>(
				List.of(escalation.id(), EscalationKeys.pointer(escalation.accountId(), escalation.senderId()) + ":"));
		Map<String, String> fields = fields(escalation, customerMessage);
		if (openedBy != null) {
			fields.put("openedBy", openedBy);
		}
		fields.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		Object existing = this.redis.eval(OPEN,
				List.of(EscalationKeys.pointer(escalation.accountId(), escalation.senderId()),
						EscalationKeys.escalation(escalation.accountId(), escalation.senderId(), escalation.id())),
				args);
		return existing instanceof String id ? Optional.of(id) : Optional.empty();
	}

	/**
	 * Writes the indexes that lead to it: queue, team, id, accounts and teams. Every step
	 * may be repeated.
	 */
	void index(Escalation escalation) {
		double score = escalation.openedAt().toEpochMilli();
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			pipeline.set(EscalationKeys.ID_PREFIX + escalation.id(),
					escalation.accountId() + ":" + escalation.senderId());
			pipeline.zadd(EscalationKeys.open(escalation.accountId()), score, escalation.id());
			pipeline.zadd(EscalationKeys.all(escalation.accountId()), score, escalation.id());
			pipeline.zadd(EscalationKeys.teamOpen(escalation.team()), score, escalation.id());
			pipeline.sadd(EscalationKeys.ACCOUNTS, escalation.accountId());
			pipeline.sadd(EscalationKeys.TEAMS, escalation.team());
			pipeline.sync();
		}
	}

	void markThreadPassed(Escalation escalation) {
		// Only an escalation that still exists: a closed one expires.
		this.redis.eval(
				"if redis.call('exists', KEYS[1]) == 1 then redis.call('hset', KEYS[1], 'threadPassed', '1') end",
				List.of(key(escalation)), List.of());
	}

	/** Counts one more try of a notification; returns the new count. */
	int countNotifyAttempt(Escalation escalation, String kind) {
		return (int) this.redis.hincrBy(key(escalation), "notify." + kind + ".attempts", 1);
	}

	void markNotified(Escalation escalation, String kind, Instant at) {
		this.redis.hset(key(escalation), "notify." + kind + ".at", millis(at));
	}

	void markIndexed(Escalation escalation) {
		this.redis.hset(key(escalation), "indexed", "1");
	}

	/** The escalation pausing this conversation, whatever its idle time. */
	Optional<StoredEscalation> current(String accountId, String senderId) {
		return parseCurrent(this.redis.eval(CURRENT, List.of(EscalationKeys.pointer(accountId, senderId)),
				List.of(EscalationKeys.pointer(accountId, senderId) + ":")));
	}

	/**
	 * Like {@link #current(String, String)}, added to the pipeline that reads a turn: the
	 * script only reads, and follows the pointer on the server, so it costs no round trip
	 * of its own.
	 */
	Supplier<Optional<StoredEscalation>> current(ConversationReads reads, String accountId, String senderId) {
		// The pointer goes with the turn's other reads; the escalation itself costs a
		// second round trip only when there is one.
		Supplier<String> id = reads.get(EscalationKeys.pointer(accountId, senderId));
		return () -> (id.get() == null) ? Optional.empty()
				: read(this.redis.hgetAll(EscalationKeys.pointer(accountId, senderId) + ":" + id.get()))
					.filter(found -> found.escalation().isOpen());
	}

	private Optional<StoredEscalation> parseCurrent(Object hash) {
		if (!(hash instanceof List<?> flat)) {
			return Optional.empty();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
		}
		return read(fields).filter(found -> found.escalation().isOpen());
	}

	Optional<StoredEscalation> find(String id) {
		if (!Ulid.looksValid(id)) {
			return Optional.empty();
		}
		String conversation = this.redis.get(EscalationKeys.ID_PREFIX + id);
		if (conversation == null) {
			return Optional.empty();
		}
		int colon = conversation.indexOf(':');
		return read(this.redis.hgetAll(
				EscalationKeys.escalation(conversation.substring(0, colon), conversation.substring(colon + 1), id)));
	}

	/**
	 * Closes it with this status unless it was closed already (or, when
	 * {@code expectedLastActivity} is given, unless someone wrote since).
	 * @return whether this call closed it
	 */
	boolean close(Escalation escalation, String status, Instant at, String by, Instant expectedLastActivity) {
		Object closed = this.redis.eval(CLOSE,
				List.of(EscalationKeys.pointer(escalation.accountId(), escalation.senderId()), key(escalation),
						EscalationKeys.notes(escalation.accountId(), escalation.senderId(), escalation.id())),
				List.of(escalation.id(), status, millis(at), by,
						expectedLastActivity == null ? "" : millis(expectedLastActivity),
						Long.toString(this.retention.toMillis())));
		if (!Long.valueOf(1).equals(closed)) {
			return false;
		}
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			pipeline.zrem(EscalationKeys.open(escalation.accountId()), escalation.id());
			pipeline.zrem(EscalationKeys.teamOpen(escalation.team()), escalation.id());
			pipeline.pexpire(EscalationKeys.ID_PREFIX + escalation.id(), this.retention.toMillis());
			pipeline.sync();
		}
		return true;
	}

	/**
	 * Sets fields of an open escalation ({@code instants} as epoch millis).
	 * @param setIfAbsent fields written only when they have no value yet
	 * @return 1 done, 0 it is closed, -1 it does not exist
	 */
	int update(Escalation escalation, Map<String, String> set, Map<String, String> setIfAbsent) {
		List<String> args = new ArrayList<>();
		args.add(Integer.toString(set.size()));
		set.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		setIfAbsent.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		return ((Number) this.redis.eval(UPDATE, List.of(key(escalation)), args)).intValue();
	}

	/** A message from the customer. @return false when it is closed */
	boolean customerWrote(Escalation escalation, String text, Instant at) {
		Object done = this.redis.eval(TOUCH, List.of(key(escalation)), List.of(millis(at), text == null ? "" : text));
		return Long.valueOf(1).equals(done);
	}

	void addNote(Escalation escalation, Note note) {
		this.redis.rpush(EscalationKeys.notes(escalation.accountId(), escalation.senderId(), escalation.id()),
				this.json.writeValueAsString(note));
	}

	List<Note> notes(Escalation escalation) {
		List<Note> notes = new ArrayList<>();
		for (String note : this.redis
			.lrange(EscalationKeys.notes(escalation.accountId(), escalation.senderId(), escalation.id()), 0, -1)) {
			notes.add(this.json.readValue(note, Note.class));
		}
		return notes;
	}

	/** The account's open escalations, oldest first. */
	List<StoredEscalation> queue(String accountId) {
		return load(accountId, this.redis.zrange(EscalationKeys.open(accountId), 0, -1));
	}

	/** The account's escalations of the last {@code retention}, newest first. */
	List<StoredEscalation> recent(String accountId, Instant now, int limit) {
		String key = EscalationKeys.all(accountId);
		this.redis.zremrangeByScore(key, Double.NEGATIVE_INFINITY, now.minus(this.retention).toEpochMilli());
		return load(accountId, this.redis.zrevrange(key, 0, limit - 1));
	}

	Set<String> accounts() {
		return this.redis.smembers(EscalationKeys.ACCOUNTS);
	}

	Set<String> teams() {
		return this.redis.smembers(EscalationKeys.TEAMS);
	}

	long queued(String team) {
		return this.redis.zcard(EscalationKeys.teamOpen(team));
	}

	private List<StoredEscalation> load(String accountId, List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Response<String>> conversations = new ArrayList<>();
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			for (String id : ids) {
				conversations.add(pipeline.get(EscalationKeys.ID_PREFIX + id));
			}
			pipeline.sync();
		}
		List<Response<Map<String, String>>> hashes = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			for (int i = 0; i < ids.size(); i++) {
				String conversation = conversations.get(i).get();
				if (conversation == null || !conversation.startsWith(accountId + ":")) {
					stale.add(ids.get(i));
					continue;
				}
				hashes.add(pipeline.hgetAll(EscalationKeys.escalation(accountId,
						conversation.substring(accountId.length() + 1), ids.get(i))));
			}
			pipeline.sync();
		}
		if (!stale.isEmpty()) {
			// Expired after closing: the index entries outlived them.
			this.redis.zrem(EscalationKeys.all(accountId), stale.toArray(String[]::new));
		}
		List<StoredEscalation> found = new ArrayList<>();
		for (Response<Map<String, String>> hash : hashes) {
			read(hash.get()).ifPresent(found::add);
		}
		return found;
	}

	private String key(Escalation escalation) {
		return EscalationKeys.escalation(escalation.accountId(), escalation.senderId(), escalation.id());
	}

	private Map<String, String> fields(Escalation escalation, String customerMessage) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", escalation.id());
		fields.put("account", escalation.accountId());
		fields.put("sender", escalation.senderId());
		fields.put("reason", escalation.reason());
		fields.put("team", escalation.team());
		fields.put("priority", escalation.priority());
		fields.put("status", escalation.status());
		fields.put("openedAt", millis(escalation.openedAt()));
		fields.put("lastActivityAt", millis(escalation.lastActivityAt()));
		fields.put("idleTimeout", escalation.idleTimeout().toString());
		fields.put("sla", escalation.sla().toString());
		if (escalation.trigger() != null) {
			fields.put("trigger", escalation.trigger());
		}
		if (customerMessage != null) {
			fields.put("customerMessage", customerMessage);
		}
		fields.put("slots", this.json.writeValueAsString(escalation.slots()));
		fields.put("tags", this.json.writeValueAsString(List.copyOf(escalation.tags())));
		return fields;
	}

	private Optional<StoredEscalation> read(Map<String, String> hash) {
		if (hash == null || hash.get("id") == null || hash.get("status") == null) {
			return Optional.empty();
		}
		Escalation escalation = new Escalation(hash.get("id"), hash.get("account"), hash.get("sender"),
				hash.get("reason"), hash.get("team"), hash.get("priority"), hash.get("status"), hash.get("assignee"),
				instant(hash.get("openedAt")), instant(hash.get("claimedAt")), instant(hash.get("firstAgentReplyAt")),
				instant(hash.get("lastActivityAt")), instant(hash.get("closedAt")),
				Duration.parse(hash.get("idleTimeout")), Duration.parse(hash.get("sla")), hash.get("trigger"),
				hash.get("slots") == null ? Map.of() : this.json.readValue(hash.get("slots"), SLOTS),
				hash.get("tags") == null ? Set.of() : Collections
					.unmodifiableSet(new LinkedHashSet<>(this.json.readValue(hash.get("tags"), TAGS))));
		return Optional.of(new StoredEscalation(escalation, hash.get("customerMessage"), hash.get("closedBy"),
				hash.get("lastCustomerMessage"), instant(hash.get("lastCustomerAt")), hash.containsKey("indexed"),
				hash.containsKey("threadPassed"), hash.get("openedBy")));
	}

	static String millis(Instant at) {
		return Long.toString(at.toEpochMilli());
	}

	private static Instant instant(String millis) {
		return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

}
