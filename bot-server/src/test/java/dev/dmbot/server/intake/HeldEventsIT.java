package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.platform.redis.Leases;
import dev.dmbot.server.platform.redis.StreamMoves;
import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disconnected account's held events go back into their partitions on a real
 * redis-server: each sender's events in the order they arrived, once (while one instance
 * holds the release lease, another moves nothing), and counted.
 */
class HeldEventsIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final String ACCOUNT = "17841400000000123";

	final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	final IntakeProperties properties = new IntakeProperties(8, 64, Duration.ofSeconds(15), Duration.ofDays(7), null,
			Duration.ofDays(3), Duration.ofSeconds(20));

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	HeldEvents held;

	@BeforeEach
	void setUp() {
		redis.client().flushAll();
		this.held = new HeldEvents(new StreamMoves(redis.client()), new Leases(redis.client()), this.codec,
				this.properties, this.meters);
	}

	@Test
	void heldEventsReturnToTheirPartitionsInOrderOnce() {
		List<InboundEvent> events = List.of(message("41", "m-1"), message("42", "m-2"), message("41", "m-3"),
				message("42", "m-4"));
		StreamMoves streams = new StreamMoves(redis.client());
		events.forEach((event) -> streams.append(StreamKeys.held(ACCOUNT), Map.of("event", this.codec.encode(event))));
		assertThat(this.held.count(ACCOUNT)).isEqualTo(4);

		assertThat(this.held.release(ACCOUNT)).isEqualTo(4);

		assertThat(this.held.count(ACCOUNT)).isZero();
		for (String sender : List.of("41", "42")) {
			int partition = StreamKeys.partitionOf(message(sender, "any"), this.properties.partitions());
			List<String> mids = redis.client()
				.xrange(StreamKeys.stream(partition), (StreamEntryID) null, (StreamEntryID) null, 100)
				.stream()
				.map((entry) -> this.codec.decode(entry.getFields().get("event")))
				.filter((event) -> event.senderId().equals(sender))
				.map((event) -> ((MessageReceived) event).mid())
				.toList();
			assertThat(mids).isEqualTo(sender.equals("41") ? List.of("m-1", "m-3") : List.of("m-2", "m-4"));
		}
		assertThat(this.meters.counter("bot.intake.events", "outcome", "released").count()).isEqualTo(4);
		assertThat(this.held.release(ACCOUNT)).as("nothing left").isZero();
	}

	@Test
	void whileAnotherInstanceReleasesNothingMovesHere() {
		new StreamMoves(redis.client()).append(StreamKeys.held(ACCOUNT),
				Map.of("event", this.codec.encode(message("41", "m-1"))));
		new Leases(redis.client()).take(StreamKeys.heldRelease(ACCOUNT), Duration.ofMinutes(1)).orElseThrow();

		assertThat(this.held.release(ACCOUNT)).isZero();
		assertThat(this.held.count(ACCOUNT)).isEqualTo(1);
	}

	static InboundEvent message(String sender, String mid) {
		return new MessageReceived(new Envelope(ACCOUNT, sender, 1767225600000L, 1767225600000L, false, null), mid,
				"hi", List.of(), null, null);
	}

}
