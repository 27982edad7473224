package dev.dmbot.server.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.attribution.AttributionKeys;
import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.followups.FollowUpScheduler;
import dev.dmbot.server.intake.Envelope;
import dev.dmbot.server.intake.Handling;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.MessageReceived;
import dev.dmbot.server.intake.ProcessedEvents;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;
import dev.dmbot.server.system.RedisRoundTrips;
import dev.dmbot.server.guardrails.GuardrailKeys;
import dev.dmbot.server.followups.FollowUpKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turn's Redis steps on a real redis-server: {@link SnapshotReader} reads a
 * conversation in one round trip and {@link TurnCommitter} writes a turn, and a delivered
 * reply, in one each. They run on a client of their own that counts its round trips, so
 * the server's background work does not blur the count.
 */
@SpringBootTest
class TurnStoreIT {

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@Autowired
	UnifiedJedis redis;

	@Autowired
	EmbeddedRedisServerHolder embedded;

	@Autowired
	ProcessedEvents processed;

	@Autowired
	ReplyLedger ledger;

	@Autowired
	ContextStore contexts;

	@Autowired
	ConversationLog conversationLog;

	@Autowired
	FollowUpScheduler followUps;

	@Autowired
	ReplyAttribution attribution;

	@Autowired
	Guardrails guardrails;

	@Autowired
	Handover handover;

	@Autowired
	JsonMapper json;

	@Autowired
	ConversationHandler handler;

	final RedisRoundTrips roundTrips = new RedisRoundTrips();

	UnifiedJedis counted;

	SnapshotReader reader;

	TurnCommitter committer;

	InboundEvent event;

	@BeforeEach
	void setUp() {
		HostAndPort server = new HostAndPort("127.0.0.1", this.embedded.server().port());
		JedisClientConfig config = DefaultJedisClientConfig.builder().build();
		ConnectionPoolConfig pool = new ConnectionPoolConfig();
		this.counted = RedisClient.builder()
			.hostAndPort(server)
			.clientConfig(config)
			.poolConfig(pool)
			.connectionProvider(this.roundTrips.pool(server, config, pool))
			.build();
		this.reader = new SnapshotReader(this.counted, this.processed, this.ledger, this.contexts, this.followUps,
				this.attribution, this.guardrails, this.handover);
		this.committer = new TurnCommitter(this.counted, this.contexts, this.conversationLog, this.ledger,
				this.attribution, this.guardrails, this.processed, TurnFixtures.CLOCK);
		String sender = WebhookPayloads.newSender();
		this.event = new MessageReceived(
				new Envelope(WebhookPayloads.ACCOUNT, sender, 1_760_000_000_000L, 1_760_000_000_100L, false, "{}"),
				"mid." + sender, "how much is shipping?", List.of(), null, null);
	}

	@AfterEach
	void tearDown() {
		this.counted.close();
	}

	@Test
	void aNewContactIsReadInOneRoundTrip() {
		TurnSnapshot snapshot = trips(() -> this.reader.read(this.event), 1);

		assertThat(snapshot.seen()).isFalse();
		assertThat(snapshot.ledger()).isNull();
		assertThat(snapshot.context().isNew()).isTrue();
		assertThat(snapshot.pendingFollowUp()).isNull();
		assertThat(snapshot.touches().variants()).isEmpty();
		assertThat(snapshot.guardrails().optedOut()).isFalse();
		assertThat(snapshot.guardrails().sentToday()).isZero();
		assertThat(snapshot.pausing().get()).isEmpty();
	}

	@Test
	void whatEachFeatureKeepsIsReadInTheSameRoundTrip() {
		String account = this.event.accountId();
		String sender = this.event.senderId();
		this.redis.hset(FollowUpKeys.followUp(account, sender), Map.of("id", "01FOLLOWUP", "text", "Still there?"));
		this.redis.set(GuardrailKeys.optOut(account, sender), "2026-01-01T00:00:00Z");
		this.redis.set(GuardrailKeys.disclosed(account, sender), "2026-01-01T00:00:00Z");
		this.committer.commit(turn(returning(), reply("Hello"), null));

		TurnSnapshot snapshot = trips(() -> this.reader.read(this.event), 1);

		assertThat(snapshot.context().inboundCount()).isEqualTo(5);
		assertThat(snapshot.context().attributes()).containsEntry("first_name", "Ana");
		assertThat(snapshot.ledger().status()).isEqualTo("decided");
		assertThat(snapshot.ledger().message().text()).isEqualTo("Hello");
		assertThat(snapshot.pendingFollowUp()).isEqualTo("01FOLLOWUP");
		assertThat(snapshot.touches().lastRule()).isEqualTo("lumen-oak.xlsx › Replies › row 12");
		assertThat(snapshot.guardrails().optedOut()).isTrue();
		assertThat(snapshot.guardrails().disclosed()).isTrue();
	}

	@Test
	void aTurnWithAReplyIsStoredInOneRoundTripAndMarkedHandledOnceDelivered() {
		OutboundMessage reply = reply("Shipping to Porto is free");
		// Counted on the day the turn read its count for.
		Guardrails.Outgoing outgoing = new Guardrails.Outgoing(reply.text(), true,
				this.reader.read(this.event).guardrails().day());

		trips(() -> {
			this.committer.commit(turn(returning(), reply, outgoing));
			return null;
		}, 1);
		TurnSnapshot decided = this.reader.read(this.event);
		LogEntry trail = decided.ledger().trail();
		trips(() -> {
			this.committer.delivered(this.event, reply, trail.withOutcome("sent", TurnFixtures.NOW, "mid.out"));
			return null;
		}, 1);
		TurnSnapshot delivered = this.reader.read(this.event);

		assertThat(decided.seen()).isFalse();
		assertThat(decided.guardrails().sentToday()).isEqualTo(1);
		assertThat(decided.guardrails().disclosed()).isTrue();
		assertThat(delivered.seen()).isTrue();
		assertThat(delivered.ledger().status()).isEqualTo("delivered");
		assertThat(this.conversationLog.recent(this.event.accountId(), this.event.senderId(), 3))
			.extracting(LogEntry::direction, LogEntry::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("in", null),
					org.assertj.core.groups.Tuple.tuple("out", "sent"));
	}

	@Test
	void aReplyDecidedForAnotherEventOfThePersonIsNotThisEventsOwn() {
		this.committer.commit(turn(returning(), reply("Hello"), null));
		InboundEvent next = new MessageReceived(
				new Envelope(this.event.accountId(), this.event.senderId(), this.event.timestamp() + 1,
						this.event.receivedAt() + 1, false, "{}"),
				"mid.next." + this.event.senderId(), "and to Lisbon?", List.of(), null, null);

		TurnSnapshot snapshot = trips(() -> this.reader.read(next), 1);

		assertThat(snapshot.ledger()).isNull();
		assertThat(snapshot.seen()).isFalse();
		assertThat(this.reader.read(this.event).ledger().message().text()).isEqualTo("Hello");
	}

	@Test
	void aReplyTheEarlierReleaseDecidedAndDidNotDeliverIsStillFound() {
		OutboundMessage reply = reply("Decided before the upgrade");
		LogEntry trail = new LogEntry("out", "reply", reply.text(), List.of(), "shipping", 0.9, List.of(), "", false,
				"pending", null, this.event.dedupKey(), Map.of());
		this.redis.setex(ConversationKeys.reply(this.event.conversationId(), this.event.dedupKey()), 3600,
				this.json.writeValueAsString(new ReplyLedger.Entry(reply, trail, "decided")));

		TurnSnapshot snapshot = trips(() -> this.reader.read(this.event), 1);

		assertThat(snapshot.seen()).isFalse();
		assertThat(snapshot.ledger().status()).isEqualTo("decided");
		assertThat(snapshot.ledger().message().text()).isEqualTo("Decided before the upgrade");
	}

	@Test
	void aReplyDecidedBeforeACrashIsSentAsDecidedWhenTheEventComesBack() {
		// Written now, so that the 24-hour window is open for the send.
		long now = System.currentTimeMillis();
		this.event = new MessageReceived(
				new Envelope(WebhookPayloads.ACCOUNT, this.event.senderId(), now, now + 100, false, "{}"),
				"mid.now." + this.event.senderId(), "how much is shipping?", List.of(), null, null);
		this.committer.commit(turn(returning(), reply("Decided before the crash"), null));

		assertThat(this.handler.handle(this.event)).isEqualTo(Handling.PROCESSED);

		assertThat(meta.sentTo(this.event.senderId())).singleElement()
			.satisfies((sent) -> assertThat(sent.getBodyAsString()).contains("Decided before the crash"));
		assertThat(this.reader.read(this.event).seen()).isTrue();
		assertThat(this.handler.handle(this.event)).isEqualTo(Handling.DUPLICATE);
		assertThat(meta.sentTo(this.event.senderId())).hasSize(1);
	}

	@Test
	void aTurnWithoutAReplyIsMarkedHandledInTheSameWrite() {
		trips(() -> {
			this.committer.commit(turn(returning(), null, null));
			return null;
		}, 1);

		assertThat(this.reader.read(this.event).seen()).isTrue();
	}

	@Test
	void aTurnSetsThePersonsExpiriesOnlyWhenTheLastSetAreThirtySecondsOld() {
		String account = this.event.accountId();
		String sender = this.event.senderId();
		// The A/B touches are fields of the context hash: they expire with it.
		List<String> keys = List.of(ContextKeys.context(account, sender), ContextKeys.log(account, sender));
		this.committer.commit(turn(returning(), reply("Hello"), null, null));
		TurnSnapshot first = this.reader.read(this.event);
		assertThat(first.expiriesSetAt()).isEqualTo(TurnFixtures.NOW);
		assertThat(first.touches().lastAt()).isNotNull();
		assertThat(keys).allSatisfy((key) -> assertThat(this.redis.ttl(key)).as(key).isGreaterThan(1000));

		keys.forEach((key) -> this.redis.expire(key, 1000));
		this.committer.commit(turn(returning(), reply("Hello again"), null, TurnFixtures.NOW.minusSeconds(29)));
		assertThat(keys).allSatisfy((key) -> assertThat(this.redis.ttl(key)).as(key).isBetween(1L, 1000L));
		assertThat(this.reader.read(this.event).expiriesSetAt()).isEqualTo(TurnFixtures.NOW);

		this.committer.commit(turn(returning(), reply("Hello at last"), null, TurnFixtures.NOW.minusSeconds(30)));
		assertThat(keys).allSatisfy((key) -> assertThat(this.redis.ttl(key)).as(key).isGreaterThan(1000));
	}

	@Test
	void aTurnThatFindsThePersonErasedLeavesNoKeyWithoutExpiry() {
		String account = this.event.accountId();
		String sender = this.event.senderId();
		this.committer.commit(turn(returning(), reply("Hello"), null, null));
		this.redis.del(ContextKeys.context(account, sender), ContextKeys.log(account, sender),
				AttributionKeys.touch(account, sender));

		this.committer.commit(turn(returning(), reply("Hello again"), null, TurnFixtures.NOW));

		assertThat(this.redis.ttl(ContextKeys.context(account, sender))).isGreaterThan(1000);
		assertThat(this.redis.hexists(ContextKeys.context(account, sender), "_touch.last.at")).isTrue();
		assertThat(this.redis.exists(ContextKeys.log(account, sender))).isFalse();
	}

	private <T> T trips(java.util.function.Supplier<T> step, long expected) {
		long before = this.roundTrips.count();
		T result = step.get();
		assertThat(this.roundTrips.count() - before).as("round trips").isEqualTo(expected);
		return result;
	}

	private ConversationContext returning() {
		return new ConversationContext(this.event.accountId(), this.event.senderId(),
				Instant.parse("2026-01-01T00:00:00Z"), Instant.ofEpochMilli(this.event.timestamp()), "", "shipping", 5,
				0, Set.of("vip"), Map.of("first_name", "Ana"), null, "en");
	}

	private OutboundMessage reply(String text) {
		return new OutboundMessage(this.event.accountId(), this.event.senderId(), text, List.of(),
				Instant.ofEpochMilli(this.event.timestamp()), Instant.ofEpochMilli(this.event.receivedAt()),
				this.event.dedupKey());
	}

	private TurnOutcome turn(ConversationContext after, OutboundMessage reply, Guardrails.Outgoing outgoing) {
		return turn(after, reply, outgoing, null);
	}

	private TurnOutcome turn(ConversationContext after, OutboundMessage reply, Guardrails.Outgoing outgoing,
			Instant expiriesSetAt) {
		LogEntry trail = reply == null ? null : new LogEntry("out", "reply", reply.text(), List.of(), "shipping", 0.9,
				List.of(), "", false, "pending", null, this.event.dedupKey(), Map.of());
		return new TurnOutcome(this.event, ConversationContext.newContact(after.accountId(), after.senderId()), after,
				ContextChanges.inbound(this.event, null), reply, trail,
				reply == null ? null : new TurnOutcome.Attributed("lumen-oak.xlsx › Replies › row 12", null, null),
				null, outgoing, reply == null, expiriesSetAt);
	}

}
