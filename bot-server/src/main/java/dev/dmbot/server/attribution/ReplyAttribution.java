package dev.dmbot.server.attribution;

import java.time.Instant;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.platform.redis.RedisFailures;
import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.platform.redis.TurnWrites;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.workbook.VariantChoice;

/**
 * The conversation's side of attribution: which wording a person gets, what they were
 * last answered with, and the sends and replies each tested wording earns.
 */
@Component
public class ReplyAttribution {

	private static final Logger log = LoggerFactory.getLogger(ReplyAttribution.class);

	private final ContactTouches touches;

	private final ExperimentCounts counts;

	ReplyAttribution(ContactTouches touches, ExperimentCounts counts) {
		this.touches = touches;
		this.counts = counts;
	}

	/**
	 * The wordings this person sticks to, for one turn; pass the same choice to
	 * {@link #given} once the decision is stored.
	 */
	public VariantChoice variantsFor(String accountId, String senderId) {
		return new StickyVariants(this.touches, accountId, senderId);
	}

	/**
	 * Adds the read of the person's touches (their wordings, the tested wording awaiting
	 * an answer) to the pipeline that reads a turn.
	 */
	public Supplier<Touches> read(ConversationReads reads, String accountId, String senderId) {
		return this.touches.read(reads, accountId, senderId);
	}

	/** Like {@link #variantsFor(String, String)}, from touches read with the turn. */
	public VariantChoice variantsFor(String accountId, String senderId, Touches known) {
		return new StickyVariants(this.touches, accountId, senderId, known);
	}

	/**
	 * Like {@link #customerWrote(String, String)}, from touches read with the turn: no
	 * round trip unless a tested wording awaits an answer.
	 */
	public void customerWrote(String accountId, String senderId, Touches known) {
		Exposure answered = this.touches.claim(accountId, senderId, known.awaitingReply());
		if (answered != null) {
			this.counts.replied(accountId, answered);
		}
	}

	/**
	 * The customer wrote: an answer to the tested wording they were sent last, if any.
	 */
	public void customerWrote(String accountId, String senderId) {
		Exposure answered = this.touches.claimReply(accountId, senderId);
		if (answered != null) {
			this.counts.replied(accountId, answered);
		}
	}

	/**
	 * Records the reply about to be sent with the decision that made it.
	 * @param rule the row behind the reply, {@code null} for none
	 * @param flow the flow that spoke, {@code null} for none
	 * @param exposure the tested wording in it, {@code null} for none
	 */
	public void decided(TurnWrites writes, String accountId, String senderId, String rule, String flow,
			Exposure exposure, Instant at) {
		this.touches.decided(writes, accountId, senderId, rule, flow, exposure, at);
	}

	/**
	 * Once the decision is stored: a person given a wording for the first time counts.
	 */
	public void given(String accountId, VariantChoice choice, Exposure exposure) {
		if (exposure != null && choice instanceof StickyVariants sticky && sticky.newlyGiven(exposure)) {
			countQuietly(() -> this.counts.given(accountId, exposure));
		}
	}

	/** Meta accepted a reply with a tested wording. */
	public void sent(String accountId, String senderId, Exposure exposure) {
		countQuietly(() -> {
			this.touches.sent(accountId, senderId, exposure);
			this.counts.sent(accountId, exposure);
		});
	}

	/**
	 * The reply is already with the customer: a count missed while Redis is away is not
	 * worth sending it again for.
	 */
	private static void countQuietly(Runnable count) {
		try {
			RedisFailures.translating("Counting an A/B test figure", count);
		}
		catch (RedisUnavailableException | RedisRefusedException ex) {
			log.warn("Could not count an A/B test figure, Redis is unreachable: {}", ex.getCause().getMessage());
		}
	}

}
