package dev.dmbot.server.escalation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;

/**
 * The customer's newest message of an escalated conversation, for the queue and
 * notifications.
 */
@Component
class CustomerMessages {

	private static final int LOOK_BACK = 20;

	private final ConversationLog conversationLog;

	CustomerMessages(ConversationLog conversationLog) {
		this.conversationLog = conversationLog;
	}

	/**
	 * What the customer wrote last while it was open, else the newest customer message in
	 * the conversation log (the one that escalated), else null.
	 */
	String last(StoredEscalation stored) {
		if (stored.lastCustomerMessage() != null && !stored.lastCustomerMessage().isBlank()) {
			return stored.lastCustomerMessage();
		}
		List<LogEntry> recent = this.conversationLog.recent(stored.escalation().accountId(),
				stored.escalation().senderId(), LOOK_BACK);
		for (int i = recent.size() - 1; i >= 0; i--) {
			LogEntry entry = recent.get(i);
			if ("in".equals(entry.direction()) && entry.text() != null && !entry.text().isBlank()) {
				return entry.text();
			}
		}
		return null;
	}

}
