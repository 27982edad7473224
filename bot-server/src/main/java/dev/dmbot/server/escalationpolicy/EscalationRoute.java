package dev.dmbot.server.escalationpolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.ReplyTemplate;

/**
 * Where a conversation goes when a row of the Escalations sheet matches: the team, how
 * urgent it is and what the customer is told.
 * <p>
 * The messages are templates: besides the variables of any reply they may use
 * {@code {{team}}} and {@code {{opens}}}, which {@link #customerMessage} fills;
 * {@link ReplyTemplate} fills the rest.
 *
 * @param reason the row's short name, for metrics and the queue, e.g. {@code refund}
 * @param team who takes over, e.g. {@code care}
 * @param priority {@code urgent}, {@code high}, {@code normal} or {@code low}
 * @param inHoursMessage what the customer is told during working hours; {@code null}
 * keeps the reply the Replies sheet chose
 * @param outOfHoursMessage what the customer is told outside working hours; the in-hours
 * message when the sheet leaves it blank, so {@code null} only when both are
 * @param idleTimeout how long without a message from either side before automation
 * resumes; {@code null} for the server's default ({@code bot.escalation.idle-timeout})
 * @param sla how long the team has to reply before it is reminded; {@code null} for the
 * server's default ({@code bot.escalation.sla})
 * @param row the sheet row, for the agent's trail and explanations
 */
public record EscalationRoute(String reason, String team, String priority, String inHoursMessage,
		String outOfHoursMessage, Duration idleTimeout, Duration sla, FiredRow row, Map<String, String> inHoursMessages,
		Map<String, String> outOfHoursMessages) {

	/** A route whose messages are in one language. */
	public EscalationRoute(String reason, String team, String priority, String inHoursMessage, String outOfHoursMessage,
			Duration idleTimeout, Duration sla, FiredRow row) {
		this(reason, team, priority, inHoursMessage, outOfHoursMessage, idleTimeout, sla, row, Map.of(), Map.of());
	}

	/** The priorities a row may set, most urgent first. */
	public static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");

	/** The priority of a row that sets none. */
	public static final String DEFAULT_PRIORITY = "normal";

	public EscalationRoute {
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(team, "team");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(row, "row");
		inHoursMessages = (inHoursMessages != null) ? Map.copyOf(inHoursMessages) : Map.of();
		outOfHoursMessages = (outOfHoursMessages != null) ? Map.copyOf(outOfHoursMessages) : Map.of();
	}

	/**
	 * What to tell the customer at {@code at}: the in-hours or the out-of-hours message
	 * as {@code hours} says, with {@code {{team}}} and {@code {{opens}}} filled in (an
	 * empty value takes the variable's default, as in {@code {{opens|soon}}}); the other
	 * variables are left for {@link ReplyTemplate}. {@code null} when the row keeps the
	 * Replies sheet's reply.
	 */
	public String customerMessage(WorkingHours hours, Instant at) {
		return customerMessage(hours, at, null);
	}

	/**
	 * As {@link #customerMessage(WorkingHours, Instant)}, in the customer's language when
	 * the row has its text in it (the Tell the customer (pt) columns and the like), with
	 * {@code {{opens}}} in that language too.
	 * @param language the customer's ISO 639-1 code, null when not known
	 */
	public String customerMessage(WorkingHours hours, Instant at, String language) {
		boolean open = hours.isOpen(at);
		String translated = (language == null) ? null : open ? this.inHoursMessages.get(language)
				: this.outOfHoursMessages.getOrDefault(language, this.inHoursMessages.get(language));
		String template = (translated != null) ? translated : open ? this.inHoursMessage : this.outOfHoursMessage;
		if (template == null) {
			return null;
		}
		Matcher variable = ReplyTemplate.VARIABLE.matcher(template);
		StringBuilder out = new StringBuilder();
		while (variable.find()) {
			String value = switch (variable.group(1)) {
				case "team" -> this.team;
				case "opens" -> hours.opensText(at, (translated != null) ? language : "en");
				default -> null;
			};
			if (value == null) {
				variable.appendReplacement(out, Matcher.quoteReplacement(variable.group()));
				continue;
			}
			if (value.isEmpty() && variable.group(2) != null) {
				value = variable.group(2).strip();
			}
			variable.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		variable.appendTail(out);
		return out.toString();
	}

}
