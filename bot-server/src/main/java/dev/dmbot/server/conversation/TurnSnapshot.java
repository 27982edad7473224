package dev.dmbot.server.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import dev.dmbot.server.attribution.Touches;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.escalation.Escalation;

/**
 * Everything a turn knows about one (account, sender) before it decides, read in one
 * pipelined round trip by {@link SnapshotReader}.
 *
 * @param seen whether the event was handled to the end before (a redelivery)
 * @param ledger the reply decided for this event before a crash, {@code null} for none
 * @param context the conversation's context, a new contact's when none is stored
 * @param pendingFollowUp the id of the follow-up waiting to be sent, {@code null} for
 * none
 * @param touches the person's A/B test wordings and the tested wording awaiting an answer
 * @param guardrails the opt-out, today's count and the disclosure marker
 * @param pausing the escalation that keeps the bot silent; resolving it may close one
 * whose idle timeout passed, so it is resolved only for what the customer says
 * @param expiriesSetAt when a turn last set the expiries of the person's keys,
 * {@code null} for never
 */
record TurnSnapshot(boolean seen, ReplyLedger.Entry ledger, ConversationContext context, String pendingFollowUp,
		Touches touches, Guardrails.Marks guardrails, Supplier<Optional<Escalation>> pausing, Instant expiriesSetAt) {
}
