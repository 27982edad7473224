package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the action columns of a decision table decide for one event; the
 * workbooks declare it as the global {@code decision}.
 * <p>
 * Public only because the generated rules call it. One instance per decision, so it needs
 * no locking. When several tables fire, a later reply, quick-reply list or state replaces
 * an earlier one; tags add up; any escalation escalates.
 */
public final class DecisionSink {

	private String reply;

	private List<QuickReply> quickReplies = List.of();

	private String nextState;

	private final Set<String> addTags = new LinkedHashSet<>();

	private boolean escalate;

	private final List<FiredRow> firedRows = new ArrayList<>();

	private String startFlow;

	private String publicReply;

	private FollowUp followUp;

	private final Map<String, String> replies = new HashMap<>();

	private final Map<String, List<QuickReply>> quickRepliesByLanguage = new HashMap<>();

	DecisionSink() {
	}

	/** The reply text, {@code {{variables}}} left for the conversation to render. */
	public void reply(String text) {
		this.reply = text;
	}

	/**
	 * The reply in one language, such as {@code pt}, {@code {{variables}}} left for the
	 * conversation to render; customers in other languages get {@link #reply}.
	 */
	public void replyIn(String language, String text) {
		this.replies.put(language.strip().toLowerCase(java.util.Locale.ROOT), text);
	}

	/**
	 * The buttons in one language, as {@code Title>PAYLOAD; Title 2}; the payloads are
	 * those of {@link #quickReplies}, checked when the workbook loads.
	 */
	public void quickRepliesIn(String language, String cell) {
		this.quickRepliesByLanguage.put(language.strip().toLowerCase(java.util.Locale.ROOT),
				CellSyntax.quickReplies(cell));
	}

	/** Buttons as {@code Title>PAYLOAD; Title 2}. */
	public void quickReplies(String cell) {
		this.quickReplies = CellSyntax.quickReplies(cell);
	}

	public void nextState(String state) {
		this.nextState = state.trim();
	}

	/** Comma-separated tags. */
	public void addTags(String cell) {
		this.addTags.addAll(CellSyntax.items(cell));
	}

	/**
	 * {@code yes} or {@code no}; the workbook is checked at load time, so anything else
	 * never gets here.
	 */
	public void escalate(String yesOrNo) {
		this.escalate |= Boolean.TRUE.equals(CellSyntax.yesNo(yesOrNo));
	}

	/** The name of a flow from the Flows sheet. */
	public void startFlow(String flow) {
		this.startFlow = flow.trim();
	}

	/**
	 * The public answer posted under a comment, {@code {{variables}}} left for the
	 * conversation to render.
	 */
	public void publicReply(String text) {
		this.publicReply = text;
	}

	/**
	 * {@code <delay>: <text>}; the workbook is checked at load time, so a cell that does
	 * not read never gets here.
	 */
	public void followUp(String cell) {
		this.followUp = FollowUp.parse(cell).orElse(null);
	}

	/**
	 * The name of the row's A/B test. The experiments are read from the workbook when it
	 * loads; the column only has to compile.
	 */
	public void experiment(String name) {
		// Nothing to decide: see CompiledRules.experimentFor.
	}

	void fired(FiredRow row) {
		this.firedRows.add(row);
	}

	Decision toDecision() {
		return new Decision(this.reply, this.quickReplies, this.nextState, this.addTags, this.escalate, this.firedRows,
				this.startFlow, this.publicReply, this.followUp, this.replies, this.quickRepliesByLanguage);
	}

}
