package dev.dmbot.server.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.outbound.DeliveryOutcome;
import dev.dmbot.server.outbound.DeliveryResult;
import dev.dmbot.server.outbound.OutboundDispatcher;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.workbook.Exposure;

/**
 * The deliver step of a turn: sends a decided reply, then records it as delivered. A
 * reply decided before a crash and found in the ledger comes back through here too.
 */
@Component
class ReplyDeliverer {

	private static final Logger log = LoggerFactory.getLogger(ReplyDeliverer.class);

	/**
	 * How long a sent reply waits for Redis to come back so it can be recorded as sent.
	 */
	static final Duration AFTER_SEND_PATIENCE = Duration.ofMinutes(5);

	private static final IntervalFunction BACKOFF = IntervalFunction.ofExponentialBackoff(Duration.ofMillis(50), 2,
			Duration.ofSeconds(2));

	private final OutboundDispatcher outbound;

	private final ReplyAttribution attribution;

	private final TurnCommitter committer;

	private final Clock clock;

	ReplyDeliverer(OutboundDispatcher outbound, ReplyAttribution attribution, TurnCommitter committer, Clock clock) {
		this.outbound = outbound;
		this.attribution = attribution;
		this.committer = committer;
		this.clock = clock;
	}

	void deliver(InboundEvent event, OutboundMessage reply, LogEntry trail) {
		DeliveryResult result = this.outbound.deliver(reply);
		LogEntry delivered = trail.withOutcome(result.outcome().tag(), this.clock.instant(),
				String.join(",", result.messageIds()));
		Exposure wording = ReplyFacts.sentWording(trail.facts());
		if (result.outcome() == DeliveryOutcome.SENT && wording != null) {
			this.attribution.sent(event.accountId(), event.senderId(), wording);
		}
		try {
			this.committer.delivered(event, reply, delivered);
		}
		catch (JedisException ex) {
			// Meta has the reply now. If Redis is away at this moment, retrying the event
			// would send it a second time, so the bookkeeping is retried on its own until
			// Redis is back.
			patiently(event).executeRunnable(() -> this.committer.delivered(event, reply, delivered));
		}
	}

	/**
	 * Retries while Redis is unreachable, up to {@link #AFTER_SEND_PATIENCE} from now.
	 */
	private Retry patiently(InboundEvent event) {
		Instant deadline = this.clock.instant().plus(AFTER_SEND_PATIENCE);
		Retry retry = Retry.of("reply-bookkeeping",
				RetryConfig.custom()
					.maxAttempts(Integer.MAX_VALUE)
					.intervalFunction(BACKOFF)
					.retryOnException((ex) -> ex instanceof JedisException && !this.clock.instant().isAfter(deadline))
					.build());
		retry.getEventPublisher()
			.onRetry(
					(retrying) -> log.warn("Reply to {} was sent but Redis is unreachable; recording it again in {} ms",
							event.conversationId(), retrying.getWaitInterval().toMillis()));
		return retry;
	}

}
