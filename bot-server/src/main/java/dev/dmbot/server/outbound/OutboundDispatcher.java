package dev.dmbot.server.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dmbot.server.accounts.AccountConnections;
import dev.dmbot.server.accounts.activity.AccountActivity;

/**
 * Sends a reply the way Meta wants it: only inside the 24-hour window, cut into parts of
 * at most 1,000 bytes, at most 13 quick replies of at most 20 characters, within the
 * per-account rate, retried with backoff and jitter on transient errors, and put in the
 * dead-letter stream when Meta refuses it for good or the tries run out.
 */
public class OutboundDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

	static final Duration WINDOW = Duration.ofHours(24);

	static final int MAX_QUICK_REPLIES = 13;

	static final int MAX_TITLE_LENGTH = 20;

	private final MessageSender sender;

	private final SendRateLimiter rateLimiter;

	private final DeadLetters deadLetters;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Retry retry;

	private final Timer latency;

	private final AccountActivity activity;

	private final AccountConnections connections;

	OutboundDispatcher(MessageSender sender, SendRateLimiter rateLimiter, DeadLetters deadLetters,
			OutboundProperties properties, MeterRegistry meters, Clock clock, AccountActivity activity,
			AccountConnections connections) {
		this.sender = sender;
		this.connections = connections;
		this.activity = activity;
		this.rateLimiter = rateLimiter;
		this.deadLetters = deadLetters;
		this.meters = meters;
		this.clock = clock;
		this.retry = Retry.of("send-api", RetryConfig.custom()
			.maxAttempts(properties.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.5,
					properties.maxBackoff()))
			.retryOnException(ex -> ex instanceof SendApiException sendApi && sendApi.error().transientFailure())
			.build());
		// Each failed try, retried or not, for the send-errors panel; the final outcome
		// is
		// counted by bot.replies and bot.send.errors.
		this.retry.getEventPublisher()
			.onRetry((event) -> meters
				.counter("bot.send.retries", "code", (event.getLastThrowable() instanceof SendApiException sendApi)
						? Integer.toString(sendApi.error().code()) : "none")
				.increment());
		this.latency = Timer.builder("bot.reply.latency")
			.description("From the webhook delivery reaching the server to Meta accepting the reply")
			.publishPercentiles(0.5, 0.95, 0.99)
			.publishPercentileHistogram()
			.register(meters);
	}

	public DeliveryResult deliver(OutboundMessage message) {
		Instant now = this.clock.instant();
		if (message.lastInboundAt() == null || message.lastInboundAt().plus(WINDOW).isBefore(now)) {
			count(DeliveryOutcome.WINDOW_CLOSED);
			log.info("Reply to {} not sent: the customer's last message is older than 24 hours", message.recipientId());
			return new DeliveryResult(DeliveryOutcome.WINDOW_CLOSED, List.of(), "outside the 24-hour window");
		}
		List<String> parts = MessageSplitter.split(message.text());
		List<String> messageIds = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			boolean last = i == parts.size() - 1;
			Map<String, Object> body = body(message.recipientId(), parts.get(i),
					last ? message.quickReplies() : List.of());
			try {
				messageIds.add(this.retry.executeSupplier(() -> {
					this.rateLimiter.acquire(message.accountId());
					return this.sender.send(message.accountId(), body);
				}));
			}
			catch (SendApiException ex) {
				return refused(message, body, ex.error(), messageIds);
			}
		}
		count(DeliveryOutcome.SENT);
		this.activity.sent(message.accountId());
		if (message.receivedAt() != null) {
			this.latency.record(Duration.between(message.receivedAt(), this.clock.instant()));
		}
		return new DeliveryResult(DeliveryOutcome.SENT, messageIds, null);
	}

	/**
	 * Sends the one private reply Meta allows to a comment: {@code "recipient":
	 * {"comment_id": ...}} and plain text. It opens no 24-hour window and needs none, so
	 * the window is not checked; the caller keeps Meta's once-per-comment, 7-day and
	 * hourly limits. Retries and dead letters are as for every reply, except that a
	 * comment Meta takes no private reply to (answered already, too old or deleted) is
	 * {@link DeliveryOutcome#WINDOW_CLOSED}, not a dead letter: the comment's window for
	 * a private reply is closed.
	 */
	public DeliveryResult deliverPrivateReply(CommentReply reply) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipient", Map.of("comment_id", reply.commentId()));
		body.put("message", Map.of("text", reply.text()));
		return deliverToComment(reply, body, () -> this.sender.send(reply.accountId(), body), "private");
	}

	/**
	 * Posts a public answer under a comment ({@code POST /{comment-id}/replies}), retried
	 * and dead-lettered as replies are.
	 */
	public DeliveryResult deliverPublicReply(CommentReply reply) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("comment_id", reply.commentId());
		body.put("message", reply.text());
		return deliverToComment(reply, body,
				() -> this.sender.replyToComment(reply.accountId(), reply.commentId(), reply.text()), "public");
	}

	private DeliveryResult deliverToComment(CommentReply reply, Map<String, Object> body,
			java.util.function.Supplier<String> call, String kind) {
		try {
			String id = this.retry.executeSupplier(() -> {
				this.rateLimiter.acquire(reply.accountId());
				return call.get();
			});
			this.activity.sent(reply.accountId());
			return new DeliveryResult(DeliveryOutcome.SENT, id == null ? List.of() : List.of(id), null);
		}
		catch (SendApiException ex) {
			MetaError error = ex.error();
			this.meters.counter("bot.send.errors", "code", Integer.toString(error.code())).increment();
			this.activity.sendFailed(reply.accountId(), error.code(), error.describe());
			tokenRefused(reply.accountId(), error);
			if (kind.equals("private") && error.commentNotEligible()) {
				return new DeliveryResult(DeliveryOutcome.WINDOW_CLOSED, List.of(), error.describe());
			}
			log.warn("{} reply to comment {} moved to {}: {}", kind.equals("private") ? "Private" : "Public",
					reply.commentId(), OutboundKeys.DEAD_LETTERS, error.describe());
			this.deadLetters.add(new OutboundMessage(reply.accountId(), "comment:" + reply.commentId(), reply.text(),
					List.of(), null, null, reply.reference()), body, error.describe());
			return new DeliveryResult(DeliveryOutcome.DEAD_LETTERED, List.of(), error.describe());
		}
	}

	/**
	 * Sends a reply a person wrote: within 24 hours of the customer's last message as a
	 * normal reply, from 24 hours to 7 days with {@code "messaging_type":"MESSAGE_TAG",
	 * "tag":"HUMAN_AGENT"}, later not at all. Long text is cut into parts as for the
	 * bot's replies; retries and dead letters are the same too.
	 */
	public AgentDelivery deliverAsAgent(AgentMessage message) {
		ReplyWindow window = ReplyWindow.forAgent(message.lastInboundAt(), this.clock.instant());
		if (window == ReplyWindow.CLOSED) {
			countAgent(window, DeliveryOutcome.WINDOW_CLOSED);
			log.info("Agent reply to {} not sent: the customer's last message is older than 7 days",
					message.recipientId());
			return new AgentDelivery(window, new DeliveryResult(DeliveryOutcome.WINDOW_CLOSED, List.of(),
					"more than 7 days after the customer's last message"));
		}
		OutboundMessage asReply = new OutboundMessage(message.accountId(), message.recipientId(), message.text(),
				List.of(), message.lastInboundAt(), null, message.reference() + " by " + message.agent());
		List<String> messageIds = new ArrayList<>();
		for (String part : MessageSplitter.split(message.text())) {
			Map<String, Object> body = agentBody(message.recipientId(), part, window);
			try {
				messageIds.add(this.retry.executeSupplier(() -> {
					this.rateLimiter.acquire(message.accountId());
					return this.sender.send(message.accountId(), body);
				}));
			}
			catch (SendApiException ex) {
				this.meters.counter("bot.send.errors", "code", Integer.toString(ex.error().code())).increment();
				this.activity.sendFailed(message.accountId(), ex.error().code(), ex.error().describe());
				tokenRefused(message.accountId(), ex.error());
				if (ex.error().windowClosed()) {
					countAgent(window, DeliveryOutcome.WINDOW_CLOSED);
					return new AgentDelivery(window,
							new DeliveryResult(DeliveryOutcome.WINDOW_CLOSED, messageIds, ex.error().describe()));
				}
				log.warn("Agent reply to {} moved to {}: {}", message.recipientId(), OutboundKeys.DEAD_LETTERS,
						ex.error().describe());
				this.deadLetters.add(asReply, body, ex.error().describe());
				countAgent(window, DeliveryOutcome.DEAD_LETTERED);
				return new AgentDelivery(window,
						new DeliveryResult(DeliveryOutcome.DEAD_LETTERED, messageIds, ex.error().describe()));
			}
		}
		countAgent(window, DeliveryOutcome.SENT);
		this.activity.sent(message.accountId());
		return new AgentDelivery(window, new DeliveryResult(DeliveryOutcome.SENT, messageIds, null));
	}

	/**
	 * Sends a dead letter again, with the same retries as the first time. The caller has
	 * claimed it, so no other instance replays it at once.
	 */
	DeliveryResult replay(DeadLetter letter) {
		try {
			String id = this.retry.executeSupplier(() -> {
				this.rateLimiter.acquire(letter.account());
				return letter.publicCommentReply() ? this.sender.replyToComment(letter.account(),
						String.valueOf(letter.body().get("comment_id")), letter.text())
						: this.sender.send(letter.account(), letter.body());
			});
			this.meters.counter("bot.dead_letters.replayed", "outcome", "sent").increment();
			this.activity.sent(letter.account());
			return new DeliveryResult(DeliveryOutcome.SENT, (id == null) ? List.of() : List.of(id), null);
		}
		catch (SendApiException ex) {
			this.meters.counter("bot.send.errors", "code", Integer.toString(ex.error().code())).increment();
			this.activity.sendFailed(letter.account(), ex.error().code(), ex.error().describe());
			tokenRefused(letter.account(), ex.error());
			boolean closed = ex.error().windowClosed() || ex.error().commentNotEligible();
			this.meters.counter("bot.dead_letters.replayed", "outcome", closed ? "window_closed" : "failed")
				.increment();
			return new DeliveryResult(closed ? DeliveryOutcome.WINDOW_CLOSED : DeliveryOutcome.DEAD_LETTERED, List.of(),
					ex.error().describe());
		}
	}

	private void countAgent(ReplyWindow window, DeliveryOutcome outcome) {
		this.meters.counter("bot.agent.replies", "window", window.tag(), "outcome", outcome.tag()).increment();
	}

	/**
	 * A person's reply: plain inside the 24 hours, tagged {@code HUMAN_AGENT} after them
	 * (Meta's "human agent" feature must be approved for the app).
	 */
	static Map<String, Object> agentBody(String recipientId, String text, ReplyWindow window) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipient", Map.of("id", recipientId));
		if (window == ReplyWindow.HUMAN_AGENT) {
			body.put("messaging_type", "MESSAGE_TAG");
			body.put("tag", "HUMAN_AGENT");
		}
		body.put("message", Map.of("text", text));
		return body;
	}

	private DeliveryResult refused(OutboundMessage message, Map<String, Object> body, MetaError error,
			List<String> sentParts) {
		this.meters.counter("bot.send.errors", "code", Integer.toString(error.code())).increment();
		this.activity.sendFailed(message.accountId(), error.code(), error.describe());
		if (error.windowClosed()) {
			count(DeliveryOutcome.WINDOW_CLOSED);
			return new DeliveryResult(DeliveryOutcome.WINDOW_CLOSED, sentParts, error.describe());
		}
		if (error.tokenInvalid()) {
			tokenRefused(message.accountId(), error);
		}
		else {
			log.warn("Reply to {} moved to {}: {}", message.recipientId(), OutboundKeys.DEAD_LETTERS, error.describe());
		}
		this.deadLetters.add(message, body, error.describe());
		count(DeliveryOutcome.DEAD_LETTERED);
		return new DeliveryResult(DeliveryOutcome.DEAD_LETTERED, sentParts, error.describe());
	}

	/**
	 * On code 190, marks the account disconnected on every instance, logs what to do and
	 * tells people; its next events are held until it is connected again.
	 */
	private void tokenRefused(String accountId, MetaError error) {
		if (error.tokenInvalid()) {
			this.meters.counter("bot.meta.token.invalid").increment();
			this.connections.tokenRefused(accountId, error.describe());
		}
	}

	private void count(DeliveryOutcome outcome) {
		this.meters.counter("bot.replies", "outcome", outcome.tag()).increment();
	}

	static Map<String, Object> body(String recipientId, String text, List<QuickReplyOption> quickReplies) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipient", Map.of("id", recipientId));
		Map<String, Object> messageBody = new LinkedHashMap<>();
		messageBody.put("text", text);
		if (!quickReplies.isEmpty()) {
			body.put("messaging_type", "RESPONSE");
			messageBody.put("quick_replies",
					quickReplies.stream().limit(MAX_QUICK_REPLIES).map(OutboundDispatcher::quickReply).toList());
		}
		body.put("message", messageBody);
		return body;
	}

	private static Map<String, Object> quickReply(QuickReplyOption option) {
		String title = option.title().length() > MAX_TITLE_LENGTH ? option.title().substring(0, MAX_TITLE_LENGTH)
				: option.title();
		Map<String, Object> quickReply = new LinkedHashMap<>();
		quickReply.put("content_type", "text");
		quickReply.put("title", title);
		quickReply.put("payload", option.payload());
		return quickReply;
	}

}
