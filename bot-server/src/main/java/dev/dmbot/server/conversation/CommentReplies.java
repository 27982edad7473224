package dev.dmbot.server.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.intake.CommentReceived;
import dev.dmbot.server.outbound.CommentReply;
import dev.dmbot.server.outbound.DeliveryOutcome;
import dev.dmbot.server.outbound.DeliveryResult;
import dev.dmbot.server.outbound.OutboundDispatcher;
import dev.dmbot.server.workbook.Decision;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.ReplyTemplate;

/**
 * Comment-to-DM: a comment on one of the account's posts or reels that a Replies row
 * naming {@code comment} fits gets that row's reply as one private reply in the
 * commenter's Direct inbox, and its public reply, if any, under the comment.
 * <p>
 * Meta's rules are kept here: one private reply per comment (a Redis marker, so a
 * redelivered comment is answered once), only within 7 days of the comment, and at most
 * {@code bot.comments.private-replies-per-hour} per account in any hour. Replies over
 * that allowance wait in a Redis queue that every instance drains, each reply held by one
 * at a time; a reply whose instance died before finishing it is sent by another (see
 * {@link PrivateReplyQueue} for the one resend that can cause, which Meta refuses). A
 * comment Meta takes no private reply to (answered already, too old or deleted) is
 * skipped, not dead-lettered. Comments by the account itself are ignored. A private reply
 * opens no 24-hour window: the conversation starts when the customer answers.
 */
@Component
class CommentReplies implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommentReplies.class);

	/** How long after a comment Meta still takes a private reply to it. */
	static final Duration REPLY_PERIOD = Duration.ofDays(7);

	private final AccountRules rules;

	private final OutboundDispatcher outbound;

	private final PrivateReplyQueue queue;

	private final CommentsProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private volatile ScheduledExecutorService drainer;

	CommentReplies(AccountRules rules, OutboundDispatcher outbound, PrivateReplyQueue queue,
			CommentsProperties properties, MeterRegistry meters, Clock clock) {
		this.rules = rules;
		this.outbound = outbound;
		this.queue = queue;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Answers a comment as the rows say, at most once; the private reply goes out now if
	 * the hour's allowance has room, later otherwise.
	 * @param context what is known of the commenter (their attributes fill the replies'
	 * variables)
	 */
	void commented(CommentReceived event, ConversationContext context) {
		if (event.commentId() == null) {
			return;
		}
		if (event.accountId().equals(event.senderId())) {
			skipped("own_comment", event, "the account's own comment");
			return;
		}
		Instant commentedAt = Instant.ofEpochMilli(event.timestamp());
		if (commentedAt.plus(REPLY_PERIOD).isBefore(this.clock.instant())) {
			skipped("too_old", event, "more than 7 days old");
			return;
		}
		Optional<Decision> decided = this.rules.rulesFor(event.accountId()).decideComment(request(event, context));
		if (decided.isEmpty() || !decided.get().hasReply()) {
			skipped("no_row", event, "no comment row fits it");
			return;
		}
		Decision decision = decided.get();
		for (FiredRow row : decision.firedRows()) {
			this.meters.counter("bot.rules.fired", "sheet", row.sheet(), "row", Integer.toString(row.row()))
				.increment();
		}
		Map<String, String> attributes = attributes(event, context);
		CommentReply privateReply = new CommentReply(event.accountId(), event.commentId(),
				ReplyTemplate.render(decision.reply(), attributes, "", DecisionRequest.NO_TEXT_INTENT),
				event.dedupKey());
		if (!this.queue.enqueue(new PrivateReplyQueue.Queued(privateReply, event.timestamp()))) {
			skipped("duplicate", event, "answered before");
			return;
		}
		log.info("Comment {} on media {} answered by {}", event.commentId(), event.mediaId(), decision.firedRows());
		if (!drain(event.accountId()).contains(event.commentId())) {
			this.meters.counter("bot.comments.queued").increment();
			log.info("Private reply to comment {} queued: this hour's {} private replies are used up",
					event.commentId(), this.properties.privateRepliesPerHour());
		}
		if (decision.hasPublicReply()) {
			DeliveryResult result = this.outbound
				.deliverPublicReply(new CommentReply(event.accountId(), event.commentId(),
						ReplyTemplate.render(decision.publicReply(), attributes, "", DecisionRequest.NO_TEXT_INTENT),
						event.dedupKey()));
			this.meters.counter("bot.comments.public-replies", "outcome", result.outcome().tag()).increment();
		}
	}

	/**
	 * Sends queued private replies of the account while the hour's allowance lasts.
	 * @return the comments answered by this call
	 */
	Set<String> drain(String accountId) {
		Set<String> answered = new java.util.HashSet<>();
		PrivateReplyQueue.Taken taken;
		while ((taken = this.queue.take(accountId, this.clock.millis(),
				this.properties.privateRepliesPerHour())) != null) {
			CommentReply reply = taken.reply();
			answered.add(reply.commentId());
			if (Instant.ofEpochMilli(taken.queued().commentedAt()).plus(REPLY_PERIOD).isBefore(this.clock.instant())) {
				// Waited in the queue past Meta's 7 days: Meta would refuse it.
				this.queue.release(taken);
				skipped("expired_in_queue", reply.commentId(), "the comment is now more than 7 days old");
				continue;
			}
			// An exception leaves the reply leased: once the lease runs out it is tried
			// again.
			DeliveryResult result = this.outbound.deliverPrivateReply(reply);
			this.queue.done(taken);
			if (result.outcome() == DeliveryOutcome.WINDOW_CLOSED) {
				// Meta's answer is the same for a comment it had a private reply to (sent
				// by
				// an instance that died before finishing it) and for one too old or
				// deleted.
				skipped("not_eligible", reply.commentId(),
						"Meta takes no private reply to it (answered already, too old or deleted): " + result.error());
				continue;
			}
			this.meters.counter("bot.comments.private-replies", "outcome", result.outcome().tag()).increment();
			if (result.outcome() != DeliveryOutcome.SENT) {
				log.warn("Private reply to comment {} not sent: {}", reply.commentId(), result.error());
			}
		}
		return answered;
	}

	/** Drains every account's queue; run by each instance on a timer. */
	void drainAll() {
		try {
			// Also when the queue is empty: a reply whose lease ran out is waiting.
			for (String account : this.queue.accounts()) {
				drain(account);
			}
		}
		catch (RuntimeException ex) {
			// Isolated: the next round tries again.
			log.warn("Draining queued private replies failed; trying again in {}", this.properties.drainInterval(), ex);
		}
	}

	/**
	 * A comment is matched by its text and, in the Payload column, by the id of the post
	 * or reel it is on. Comments are not classified and are public, so the customer's
	 * conversation state and tags play no part.
	 */
	private static DecisionRequest request(CommentReceived event, ConversationContext context) {
		return new DecisionRequest(event.kind().ruleName(), DecisionRequest.NO_TEXT_INTENT, 0, event.text(),
				event.mediaId(), null, "", Set.of(), context.inboundCount(), context.attributes());
	}

	/** The commenter's attributes, with the username the comment shows. */
	private static Map<String, String> attributes(CommentReceived event, ConversationContext context) {
		Map<String, String> attributes = new LinkedHashMap<>(context.attributes());
		if (event.username() != null && !event.username().isBlank()) {
			attributes.putIfAbsent("username", event.username());
		}
		return attributes;
	}

	private void skipped(String reason, CommentReceived event, String why) {
		skipped(reason, event.commentId(), why);
	}

	private void skipped(String reason, String commentId, String why) {
		this.meters.counter("bot.comments.skipped", "reason", reason).increment();
		log.info("Comment {} not answered: {}", commentId, why);
	}

	@Override
	public void start() {
		this.drainer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "comments-drainer");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.drainInterval().toMillis();
		this.drainer.scheduleWithFixedDelay(this::drainAll, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.drainer;
		this.drainer = null;
		if (running != null) {
			running.shutdownNow();
			try {
				// A reply being sent is finished, so it is not left to wait out its
				// lease.
				running.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.drainer != null;
	}

}
