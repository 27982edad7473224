package dev.dmbot.server.escalationpolicy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.CellSyntax;
import dev.dmbot.server.workbook.IncomingMessage;

/**
 * When a conversation goes to a person, and to whom: the rows of the Escalations sheet of
 * a live set of workbooks, tried top to bottom, and the team's working hours. Immutable
 * and thread-safe.
 */
public final class EscalationPolicy {

	/** The policy of a set of workbooks without an Escalations sheet: never matches. */
	public static final EscalationPolicy NONE = new EscalationPolicy(List.of(),
			WorkingHours.alwaysOpen(WorkingHours.DEFAULT_ZONE));

	/**
	 * {@code rules}' escalation policy, from the Escalations sheet; {@link #NONE} when
	 * they were compiled without that sheet.
	 */
	public static EscalationPolicy of(CompiledRules rules) {
		return rules.part(EscalationPolicy.class).orElse(NONE);
	}

	private final List<Row> rows;

	private final WorkingHours hours;

	EscalationPolicy(List<Row> rows, WorkingHours hours) {
		this.rows = List.copyOf(rows);
		this.hours = Objects.requireNonNull(hours, "hours");
	}

	/**
	 * The route of the first row whose filled conditions all match {@code facts}; empty
	 * when none does, so the conversation goes on as the Replies sheet decided.
	 */
	public Optional<EscalationRoute> route(EscalationFacts facts) {
		String words = CellSyntax.words(facts.text());
		for (Row row : this.rows) {
			if (row.matches(facts, words)) {
				return Optional.of(row.route());
			}
		}
		return Optional.empty();
	}

	/** The team's working hours, for the in-hours or out-of-hours message. */
	public WorkingHours hours() {
		return this.hours;
	}

	/** Every row's route, top to bottom, for listings and explanations. */
	public List<EscalationRoute> routes() {
		return this.rows.stream().map(Row::route).toList();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EscalationPolicy policy && this.rows.equals(policy.rows)
				&& this.hours.equals(policy.hours);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rows, this.hours);
	}

	@Override
	public String toString() {
		return "EscalationPolicy" + routes() + " " + this.hours;
	}

	/**
	 * One row of the sheet: its conditions, each {@code null} (or {@code false}, or
	 * empty) when the cell is blank and so matches anything, and its route.
	 *
	 * @param intents lower-case intents, any of which matches
	 * @param keywords keywords as {@link CellSyntax#words} folds them, without the
	 * trailing space, so that a word start matches
	 * @param unknownInARow the shortest unknown-intent streak that matches
	 * @param flowGaveUp whether only messages on which a flow gave up match
	 * @param tags tags, any of which matches regardless of case
	 * @param leadScoreAtLeast the lowest lead score that matches
	 * @param repliesEscalate whether only messages the Replies sheet escalates match
	 */
	record Row(Set<String> intents, List<String> keywords, Long unknownInARow, boolean flowGaveUp, Set<String> tags,
			Integer leadScoreAtLeast, boolean repliesEscalate, EscalationRoute route) {

		Row {
			intents = Set.copyOf(intents);
			keywords = List.copyOf(keywords);
			tags = Set.copyOf(tags);
		}

		/**
		 * Whether the row has any condition at all; one without would match everything.
		 */
		boolean hasCondition() {
			return !this.intents.isEmpty() || !this.keywords.isEmpty() || this.unknownInARow != null || this.flowGaveUp
					|| !this.tags.isEmpty() || this.leadScoreAtLeast != null || this.repliesEscalate;
		}

		// The same matching as IncomingMessage's intentIs, mentionsAny and hasTag, so
		// that a condition reads alike on both sheets.
		boolean matches(EscalationFacts facts, String words) {
			if (!this.intents.isEmpty() && !this.intents.contains(facts.intent().toLowerCase(Locale.ROOT))) {
				return false;
			}
			if (!this.keywords.isEmpty() && this.keywords.stream().noneMatch(words::contains)) {
				return false;
			}
			if (this.unknownInARow != null && facts.unknownStreak() < this.unknownInARow) {
				return false;
			}
			if (this.flowGaveUp && !facts.flowGaveUp()) {
				return false;
			}
			if (!this.tags.isEmpty()
					&& facts.tags().stream().noneMatch((tag) -> this.tags.contains(tag.toLowerCase(Locale.ROOT)))) {
				return false;
			}
			if (this.leadScoreAtLeast != null
					&& (facts.leadScore() == null || facts.leadScore() < this.leadScoreAtLeast)) {
				return false;
			}
			return !this.repliesEscalate || facts.repliesEscalate();
		}

	}

}
