package dev.dmbot.server.conversation;

import java.time.Duration;

import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.workbook.Exposure;

/**
 * The words of a turn, filled in and with the guardrails applied.
 *
 * @param outgoing the guarded text; {@code null} when the turn has nothing to say, with
 * no text when the daily cap dropped it
 * @param reply the message to send, {@code null} for none
 * @param trail the reply as the conversation log keeps it, with why it was said
 * @param exposure the tested wording the customer reads, {@code null} for none
 * @param followUp the follow-up to schedule, filled in; {@code null} for none
 */
record ComposedReply(Guardrails.Outgoing outgoing, OutboundMessage reply, LogEntry trail, Exposure exposure,
		String followUp, Duration followUpDelay) {

	static final ComposedReply NOTHING = new ComposedReply(null, null, null, null, null, null);

	/** Whether the turn had something to say that the daily cap dropped. */
	boolean capped() {
		return this.outgoing != null && !this.outgoing.sends();
	}

}
