package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.escalation.EscalationRequest;
import dev.dmbot.server.escalation.EscalationService;
import dev.dmbot.server.support.CommandStats;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.RedisRoundTrips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one DM costs in Redis, counted on both sides: round trips by the server's own
 * counter ({@code bot.redis.round.trips}) and commands by Redis ({@code INFO
 * commandstats}), over many DMs through the signed webhook, with what the idle server
 * sends in the same time (stream polling, leases, pollers) taken off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Open escalations keep the server busy in the background, and would blur what follows.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRoundTripsIT {

	private static final Logger log = LoggerFactory.getLogger(RedisRoundTripsIT.class);

	static final MetaApiStub meta = new MetaApiStub();

	static final int DMS = 60;

	/**
	 * What the stream costs each event besides the webhook's write and the turn: reading
	 * it (shared by a batch under load, one per event here, where DMs come one by one)
	 * and the acknowledgement. One command each, so one round trip each.
	 */
	static final Set<String> STREAM = Set.of("xreadgroup", "xack", "xdel");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	RedisRoundTrips roundTrips;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EscalationService escalations;

	WebhookClient webhook;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
	}

	@Test
	@Order(1)
	void aPlainDmCostsAtMostFourRoundTripsBeyondTheWebhookAndTheStream() {
		List<WebhookPayloads> senders = senders();
		Cost first = measure(senders,
				(customer) -> this.webhook.post(customer.textMessage("how much is shipping to Porto?")),
				() -> senders.forEach((customer) -> awaitSends(customer, 1)));
		Cost again = measure(senders,
				(customer) -> this.webhook.post(customer.textMessage("how much is shipping to Porto?")),
				() -> senders.forEach((customer) -> awaitSends(customer, 2)));

		log.info("Plain DM, first from its sender: {}", first);
		log.info("Plain DM: {}", again);
		// The turn's read, commit, rate limit and delivered record.
		assertThat(again.turnRoundTrips()).isLessThanOrEqualTo(4.5);
		// 32 measured this way on the previous core, 13 now: the turn's string keys in
		// one MGET, the delivered reply as the event's handled marker, expiries set once
		// and the person's sliding ones at most every 30 s, the commit one script, the
		// delivery record in a pipeline, the send rate reserved in blocks, the A/B
		// touches and the decided reply fields of the context hash (read with it, written
		// in its HSET).
		assertThat(again.commands()).isLessThanOrEqualTo(14);
	}

	@Test
	@Order(2)
	void aDmInsideAFlowIsCounted() {
		List<WebhookPayloads> senders = senders();
		senders
			.forEach((customer) -> this.webhook.post(customer.textMessage("I'd like to book a design consultation")));
		senders.forEach((customer) -> awaitSends(customer, 1));
		awaitHandled(processed() + 0);

		Cost cost = measure(senders, (customer) -> this.webhook.post(customer.quickReply("Renovation", "renovation")),
				() -> senders.forEach((customer) -> awaitSends(customer, 2)));

		log.info("DM inside a flow: {}", cost);
		// As a plain DM, and the step's reminder scheduled: its id, its hash, the due
		// queue.
		assertThat(cost.turnRoundTrips()).isLessThanOrEqualTo(7.5);
	}

	@Test
	@Order(3)
	void aDmDuringAnEscalationIsCounted() {
		List<WebhookPayloads> senders = senders();
		senders.forEach((customer) -> this.escalations.open(new EscalationRequest(WebhookPayloads.ACCOUNT,
				customer.sender(), "asked_for_human", "sales", null, null, null, null, null, Map.of(), Set.of())));
		double paused = this.meters.counter("bot.escalations.paused.messages").count();

		Cost cost = measure(senders, (customer) -> this.webhook.post(customer.textMessage("hello?")),
				() -> await().atMost(Duration.ofSeconds(30))
					.until(() -> this.meters.counter("bot.escalations.paused.messages").count() >= paused + DMS));

		log.info("DM during an escalation: {}", cost);
		// The read, the log entry, the agent's thread (touch and live inboxes), the mark.
		assertThat(cost.turnRoundTrips()).isLessThanOrEqualTo(5.5);
	}

	private Cost measure(List<WebhookPayloads> senders, Consumer<WebhookPayloads> send, Runnable handled) {
		Stats idleFrom = stats();
		sleep(Duration.ofSeconds(2));
		Stats idleTo = stats();
		Stats from = stats();
		double processedBefore = processed();
		senders.forEach(send);
		handled.run();
		awaitHandled(processedBefore + DMS);
		Stats to = stats();
		double idleShare = (double) (to.at() - from.at()) / (idleTo.at() - idleFrom.at());
		Map<String, Double> perCommand = new HashMap<>();
		to.commands().forEach((command, calls) -> {
			double used = calls - from.commands().getOrDefault(command, 0L) - idleShare
					* (idleTo.commands().getOrDefault(command, 0L) - idleFrom.commands().getOrDefault(command, 0L));
			if (!"info".equals(command) && Math.abs(used) >= DMS / 10.0) {
				perCommand.put(command, used / DMS);
			}
		});
		double roundTrips = (to.roundTrips() - from.roundTrips()
				- idleShare * (idleTo.roundTrips() - idleFrom.roundTrips())) / DMS;
		double commands = perCommand.values().stream().mapToDouble(Double::doubleValue).sum();
		double stream = STREAM.stream().mapToDouble((c) -> perCommand.getOrDefault(c, 0.0)).sum();
		return new Cost(roundTrips, commands, roundTrips - stream - 1, perCommand);
	}

	/** The counters now; the two INFO calls that read them are not counted. */
	private Stats stats() {
		long roundTrips = this.roundTrips.count();
		return new Stats(System.nanoTime() / 1_000_000, roundTrips, CommandStats.read(this.redis));
	}

	private double processed() {
		return this.meters.counter("bot.intake.events", "outcome", "processed").count();
	}

	private void awaitHandled(double processed) {
		await().atMost(Duration.ofSeconds(30)).until(() -> processed() >= processed);
	}

	private static List<WebhookPayloads> senders() {
		List<WebhookPayloads> senders = new ArrayList<>();
		for (int i = 0; i < DMS; i++) {
			senders.add(WebhookPayloads.from(WebhookPayloads.newSender()));
		}
		return senders;
	}

	private static void awaitSends(WebhookPayloads customer, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> meta.sentTo(customer.sender()).size() >= count);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Stats(long at, long roundTrips, Map<String, Long> commands) {
	}

	/**
	 * Per event: all round trips, Redis commands, and the turn's round trips (all but the
	 * webhook's write and the stream's read and acknowledgement).
	 */
	record Cost(double roundTrips, double commands, double turnRoundTrips, Map<String, Double> perCommand) {
	}

}
