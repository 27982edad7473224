package dev.dmbot.server.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.platform.redis.TurnWrites;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.FlowProgress;
import dev.dmbot.server.platform.redis.RedisTransactions;

/**
 * Keeps each sender's context in one Redis hash, {@code bot:{account:sender}:ctx}, that
 * expires after the configured retention. Tags are a comma-separated field; attributes
 * are fields prefixed {@code attr.}, flow answers fields prefixed {@code slot.}, the flow
 * in progress fields prefixed {@code flow}, completed flows fields prefixed
 * {@code done.}, the language the customer writes in the field {@code language}, and when
 * a turn last set the expiries of the person's keys the field {@code expiriesSetAt} (see
 * {@link TurnWrites}).
 * <p>
 * Fields whose names start with {@link ContextKeys#FEATURE_FIELDS} belong to other
 * features, which keep there what they need of the person in every turn (read with the
 * context's {@code HGETALL}, written with its {@code HSET}). The context reads none of
 * them, so they never reach the variables, attributes or flow answers that the rules, the
 * inbox, the contacts API or the templates see.
 */
@Component
public class ContextStore {

	private static final String ATTRIBUTE_PREFIX = "attr.";

	private static final String SLOT_PREFIX = "slot.";

	private static final String DONE_PREFIX = "done.";

	private static final String EXPIRIES_SET_AT = "expiriesSetAt";

	private static final List<String> FLOW_FIELDS = List.of("flow", "flow.step", "flow.attempts", "flow.startedAt",
			"flow.lastActivityAt", "flow.startedBy");

	private final UnifiedJedis redis;

	private final ContextProperties properties;

	ContextStore(UnifiedJedis redis, ContextProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	public ConversationContext load(String accountId, String senderId) {
		return parse(accountId, senderId, this.redis.hgetAll(ContextKeys.context(accountId, senderId)));
	}

	/**
	 * Adds the read of a sender's context to a pipeline that reads a whole turn at once;
	 * the context is there once the pipeline is synced.
	 */
	public Supplier<ConversationContext> read(ConversationReads reads, String accountId, String senderId) {
		Supplier<Map<String, String>> hash = reads.hashOf(ContextKeys.context(accountId, senderId));
		return () -> parse(accountId, senderId, hash.get());
	}

	/**
	 * Adds to the turn's reads when a turn last set the expiries of the person's keys,
	 * {@code null} for never (a new person, or a context an older release wrote). It is a
	 * field of the context's hash, so it costs no command of its own.
	 */
	public Supplier<Instant> expiriesSetAt(ConversationReads reads, String accountId, String senderId) {
		Supplier<Map<String, String>> hash = reads.hashOf(ContextKeys.context(accountId, senderId));
		return () -> {
			Map<String, String> fields = hash.get();
			return (fields != null) ? instant(fields.get(EXPIRIES_SET_AT)) : null;
		};
	}

	private static ConversationContext parse(String accountId, String senderId, Map<String, String> hash) {
		if (hash == null || hash.isEmpty()) {
			return ConversationContext.newContact(accountId, senderId);
		}
		Map<String, String> attributes = new HashMap<>();
		Map<String, String> slots = new HashMap<>();
		Map<String, Instant> done = new HashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(ATTRIBUTE_PREFIX)) {
				attributes.put(field.substring(ATTRIBUTE_PREFIX.length()), value);
			}
			else if (field.startsWith(SLOT_PREFIX)) {
				slots.put(field.substring(SLOT_PREFIX.length()), value);
			}
			else if (field.startsWith(DONE_PREFIX)) {
				done.put(field.substring(DONE_PREFIX.length()), Instant.parse(value));
			}
		});
		FlowProgress active = null;
		if (hash.get("flow") != null && hash.get("flow.step") != null) {
			active = new FlowProgress(hash.get("flow"), hash.get("flow.step"), (int) number(hash.get("flow.attempts")),
					instant(hash.get("flow.startedAt")), instant(hash.get("flow.lastActivityAt")),
					hash.get("flow.startedBy"));
		}
		return new ConversationContext(accountId, senderId, instant(hash.get("firstSeen")),
				instant(hash.get("lastInboundAt")), hash.getOrDefault("state", ""), hash.get("lastIntent"),
				number(hash.get("inboundCount")), number(hash.get("unknownStreak")), tags(hash.get("tags")), attributes,
				new FlowMemory(active, slots, done), hash.get("language"));
	}

	/**
	 * Queues the write of the whole context on a transaction, so it lands together with
	 * the decision that changed it.
	 */
	public void save(AbstractTransaction transaction, ConversationContext context) {
		String key = ContextKeys.context(context.accountId(), context.senderId());
		Map<String, String> hash = fields(context);
		transaction.hset(key, hash);
		transaction.expire(key, this.properties.retention().toSeconds());
	}

	/**
	 * Queues the write of the context a turn leaves with the turn's other writes, and
	 * removes the flow fields {@code before} had and {@code after} has not: a flow that
	 * ended, slots asked afresh. A turn that sets the expiries of the person's keys
	 * records when.
	 */
	public void save(TurnWrites writes, ConversationContext before, ConversationContext after) {
		String key = ContextKeys.context(after.accountId(), after.senderId());
		List<String> gone = new ArrayList<>();
		if (after.flows().active() == null && before.flows().active() != null) {
			gone.addAll(FLOW_FIELDS);
		}
		before.flows()
			.slots()
			.keySet()
			.stream()
			.filter((slot) -> !after.flows().slots().containsKey(slot))
			.forEach((slot) -> gone.add(SLOT_PREFIX + slot));
		if (!gone.isEmpty()) {
			writes.hdel(key, gone.toArray(String[]::new));
		}
		Map<String, String> hash = fields(after);
		if (writes.expiriesSetAt() != null) {
			hash.put(EXPIRIES_SET_AT, writes.expiriesSetAt().toString());
		}
		// inboundCount and state are in every write: a hash this finds without them is
		// new.
		writes.hset(key, hash, this.properties.retention());
	}

	private static Map<String, String> fields(ConversationContext context) {
		Map<String, String> hash = new HashMap<>();
		if (context.firstSeen() != null) {
			hash.put("firstSeen", context.firstSeen().toString());
		}
		if (context.lastInboundAt() != null) {
			hash.put("lastInboundAt", context.lastInboundAt().toString());
		}
		hash.put("state", context.state());
		if (context.lastIntent() != null) {
			hash.put("lastIntent", context.lastIntent());
		}
		hash.put("inboundCount", Long.toString(context.inboundCount()));
		hash.put("unknownStreak", Long.toString(context.unknownStreak()));
		hash.put("tags", String.join(",", new TreeSet<>(context.tags())));
		if (context.language() != null) {
			hash.put("language", context.language());
		}
		context.attributes().forEach((name, value) -> hash.put(ATTRIBUTE_PREFIX + name, value));
		FlowMemory flows = context.flows();
		flows.slots().forEach((name, value) -> hash.put(SLOT_PREFIX + name, value));
		flows.completed().forEach((name, at) -> hash.put(DONE_PREFIX + name, at.toString()));
		FlowProgress active = flows.active();
		if (active != null) {
			hash.put("flow", active.flow());
			hash.put("flow.step", active.step());
			hash.put("flow.attempts", Integer.toString(active.attempts()));
			hash.put("flow.startedAt", active.startedAt().toString());
			hash.put("flow.lastActivityAt", active.lastActivityAt().toString());
			if (active.startedBy() != null) {
				hash.put("flow.startedBy", active.startedBy());
			}
		}
		return hash;
	}

	/**
	 * Sets attributes of a contact and removes those given as {@code null}, touching no
	 * other field, so a conversation answered at this moment keeps its counters. A
	 * contact that did not exist is created with the usual retention; an existing one
	 * keeps its expiry.
	 */
	public void mergeAttributes(String accountId, String senderId, Map<String, String> changes) {
		String key = ContextKeys.context(accountId, senderId);
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, accountId, senderId)) {
			Map<String, String> set = new HashMap<>();
			changes.forEach((name, value) -> {
				if (value == null) {
					transaction.hdel(key, ATTRIBUTE_PREFIX + name);
				}
				else {
					set.put(ATTRIBUTE_PREFIX + name, value);
				}
			});
			if (!set.isEmpty()) {
				transaction.hset(key, set);
			}
			transaction.exec();
		}
		// New, or expired between a caller's read and this write: never keep it for ever.
		if (this.redis.ttl(key) == -1) {
			this.redis.expire(key, this.properties.retention().toSeconds());
		}
	}

	private static Instant instant(String value) {
		return value == null || value.isEmpty() ? null : Instant.parse(value);
	}

	private static long number(String value) {
		return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
	}

	private static Set<String> tags(String value) {
		Set<String> tags = new LinkedHashSet<>();
		if (value != null) {
			for (String tag : value.split(",")) {
				if (!tag.isBlank()) {
					tags.add(tag.trim());
				}
			}
		}
		return tags;
	}

}
