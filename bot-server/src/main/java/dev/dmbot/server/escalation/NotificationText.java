package dev.dmbot.server.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * The words of a notification, as a Slack-compatible {@code text}: what happened, the
 * reason, team and priority, the customer's last message, and the link to the inbox.
 */
final class NotificationText {

	private static final int MAX_QUOTE = 300;

	private NotificationText() {
	}

	static String opened(StoredEscalation stored, String lastCustomerMessage, String link) {
		Escalation escalation = stored.escalation();
		StringBuilder text = new StringBuilder();
		text.append("New escalation for team ")
			.append(escalation.team())
			.append(" (")
			.append(escalation.priority())
			.append(" priority): ")
			.append(escalation.reason().replace('_', ' '))
			.append('\n');
		customer(text, escalation, lastCustomerMessage);
		if (stored.customerMessage() != null) {
			text.append("The customer was told: ").append(quote(stored.customerMessage())).append('\n');
		}
		text.append("Reply within ").append(Durations.words(escalation.sla())).append(": ").append(link);
		return text.toString();
	}

	static String slaMissed(StoredEscalation stored, String lastCustomerMessage, String link, Instant now) {
		Escalation escalation = stored.escalation();
		StringBuilder text = new StringBuilder();
		text.append("Still no agent reply after ")
			.append(Durations.words(Duration.between(escalation.openedAt(), now)))
			.append(" (reply time ")
			.append(Durations.words(escalation.sla()))
			.append("): team ")
			.append(escalation.team())
			.append(", ")
			.append(escalation.priority())
			.append(" priority, ")
			.append(escalation.reason().replace('_', ' '))
			.append('\n');
		if (escalation.assignee() != null) {
			text.append("Claimed by ").append(escalation.assignee()).append('\n');
		}
		customer(text, escalation, lastCustomerMessage);
		text.append("Answer now: ").append(link);
		return text.toString();
	}

	private static void customer(StringBuilder text, Escalation escalation, String lastCustomerMessage) {
		text.append("Customer ").append(escalation.senderId()).append(" on account ").append(escalation.accountId());
		if (lastCustomerMessage != null && !lastCustomerMessage.isBlank()) {
			text.append(" wrote: ").append(quote(lastCustomerMessage));
		}
		text.append('\n');
	}

	private static String quote(String message) {
		String flat = message.strip().replaceAll("\\s+", " ");
		return "\u201C" + (flat.length() > MAX_QUOTE ? flat.substring(0, MAX_QUOTE) + "…" : flat) + "\u201D";
	}

}
