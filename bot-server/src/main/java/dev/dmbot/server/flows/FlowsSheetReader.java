package dev.dmbot.server.flows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import dev.dmbot.server.flows.Condition;
import dev.dmbot.server.flows.Expect;
import dev.dmbot.server.flows.Flow;
import dev.dmbot.server.flows.FlowEnding;
import dev.dmbot.server.flows.FlowStep;
import dev.dmbot.server.flows.Option;
import dev.dmbot.server.flows.Points;
import dev.dmbot.server.flows.Route;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetCell;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbook.CellSyntax;
import dev.dmbot.server.workbook.RuleTable;
import dev.dmbot.server.workbook.DidYouMean;
import dev.dmbot.server.workbook.ReplyCheck;
import dev.dmbot.server.workbook.FollowUp;

/**
 * Reads the flows of a workbook's {@code Flows} sheets (a sheet named {@code Flows}, or
 * starting with it). A table starts at a row whose column A reads {@code Flow}; its
 * titles name the columns, in any order. A table with a {@code Step} column lists steps,
 * one per row; a table with a {@code Summary} column says how each flow ends. A table
 * ends at the first empty row. Every cell that cannot be understood is a
 * {@link WorkbookCompileException} naming it.
 */
final class FlowsSheetReader {

	static final String NAME = "Flows";

	private static final Pattern RANGE = Pattern.compile("(\\d[\\d,_ ]*)\\s*(?:-|–|\\.\\.|to)\\s*(\\d[\\d,_ ]*)");

	private static final int MAX_ATTEMPTS = 10;

	private static final int DEFAULT_ATTEMPTS = 3;

	enum Title {

		FLOW("Flow"), STEP("Step"), ASK("Ask"), SLOT("Slot"), EXPECT("Expect"), OPTIONS("Options"),
		ALSO_RECOGNISE("Also recognise"), REASK("Re-ask"), ATTEMPTS("Attempts"), NEXT("Next"), SCORE("Score"),
		SUMMARY("Summary"), TAGS("Tags"), SEND_LEAD("Send lead"), ESCALATE_AT_SCORE("Escalate at score"),
		ESCALATION_REPLY("Escalation reply"), TEAM("Team"), CANCEL_WORDS("Cancel words"), CANCEL_REPLY("Cancel reply"),
		GIVE_UP_REPLY("Give-up reply"), RESUME_WITHIN("Resume within"), WELCOME_BACK("Welcome back"),
		RESTART_AFTER("Restart after"), ALREADY_DONE("Already done"), FOLLOW_UP("Follow up");

		static final Set<Title> STEPS = Set.of(FLOW, STEP, ASK, SLOT, EXPECT, OPTIONS, ALSO_RECOGNISE, REASK, ATTEMPTS,
				NEXT, SCORE, FOLLOW_UP);

		static final Set<Title> ENDINGS = Set.of(FLOW, SUMMARY, TAGS, SEND_LEAD, ESCALATE_AT_SCORE, ESCALATION_REPLY,
				TEAM, CANCEL_WORDS, CANCEL_REPLY, GIVE_UP_REPLY, RESUME_WITHIN, WELCOME_BACK, RESTART_AFTER,
				ALREADY_DONE);

		private final String text;

		Title(String text) {
			this.text = text;
		}

		static Optional<Title> of(String cell) {
			String wanted = key(cell);
			for (Title title : values()) {
				if (key(title.text).equals(wanted)) {
					return Optional.of(title);
				}
			}
			return Optional.empty();
		}

		private static String key(String text) {
			return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
		}

	}

	private final String workbook;

	private FlowsSheetReader(String workbook) {
		this.workbook = workbook;
	}

	/** Whether a sheet holds flows, by its name. */
	static boolean holdsFlows(Sheet sheet) {
		return sheet.getSheetName().toLowerCase(Locale.ROOT).startsWith(NAME.toLowerCase(Locale.ROOT));
	}

	/**
	 * The flows of a set of workbooks, checked together: a flow is defined once, every
	 * text may use the slots any flow fills.
	 */
	static List<Flow> read(List<ParsedWorkbook> workbooks) {
		List<Draft> drafts = new ArrayList<>();
		for (ParsedWorkbook workbook : workbooks) {
			drafts.addAll(new FlowsSheetReader(workbook.name()).drafts(workbook));
		}
		Map<String, Draft> byName = new LinkedHashMap<>();
		for (Draft draft : drafts) {
			Draft earlier = byName.putIfAbsent(draft.name, draft);
			if (earlier != null) {
				SheetCell at = draft.firstStep();
				throw new WorkbookCompileException(at.workbook(), at.sheet(), at.row(), at.column(), draft.name,
						"flow " + draft.name + " is also defined in " + earlier.firstStep().where() + ".",
						"give one of the two flows another name.", null);
			}
		}
		Set<String> slots = new LinkedHashSet<>();
		drafts.forEach((draft) -> draft.steps.forEach((step) -> slots.add(step.step.slot())));
		List<Flow> flows = new ArrayList<>();
		for (Draft draft : drafts) {
			flows.add(draft.build(slots));
		}
		return flows;
	}

	private List<Draft> drafts(ParsedWorkbook workbook) {
		Map<String, Draft> drafts = new LinkedHashMap<>();
		List<Map<Title, SheetCell>> endingRows = new ArrayList<>();
		try {
			for (Sheet sheet : workbook.sheets()) {
				if (!holdsFlows(sheet)) {
					continue;
				}
				for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
					if (!text(sheet, r, 0).strip().equalsIgnoreCase(Title.FLOW.text)) {
						continue;
					}
					Map<Title, Integer> columns = titles(sheet, r);
					boolean steps = columns.containsKey(Title.STEP);
					boolean ending = columns.containsKey(Title.SUMMARY);
					if (steps == ending) {
						throw new WorkbookCompileException(this.workbook, sheet.getSheetName(), r + 1, "A", "Flow",
								"this row starts a flows table (column A reads Flow) but has " + (steps
										? "both a Step and a Summary column" : "neither a Step nor a Summary column")
										+ ".",
								"a steps table needs the titles Flow, Step, Ask, Expect; an endings table Flow and Summary (see rules/README.md).",
								null);
					}
					checkTitles(sheet, r, columns, steps ? Title.STEPS : Title.ENDINGS);
					r = steps ? readSteps(sheet, r, columns, drafts) : readEndings(sheet, r, columns, endingRows);
				}
			}
		}
		catch (WorkbookCompileException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw WorkbookCompileException.unreadable(this.workbook, ex);
		}
		for (Map<Title, SheetCell> row : endingRows) {
			SheetCell flowCell = row.get(Title.FLOW);
			Draft draft = drafts.get(flowCell.value());
			if (draft == null) {
				throw flowCell.error(
						"this endings row is for flow \"" + flowCell.value() + "\", which has no steps"
								+ DidYouMean.endOfSentence(flowCell.value(), drafts.keySet()),
						"name a flow of a steps table, or add its steps.");
			}
			if (draft.ending != null) {
				throw flowCell.error("flow " + draft.name + " has a second endings row; the first is row "
						+ draft.ending.get(Title.FLOW).row() + ".", "keep one endings row per flow.");
			}
			draft.ending = row;
		}
		for (Draft draft : drafts.values()) {
			if (draft.ending == null) {
				SheetCell at = draft.firstStep();
				throw new WorkbookCompileException(at.workbook(), at.sheet(), at.row(), at.column(), draft.name,
						"flow " + draft.name + " has no endings row, so nothing says what to reply when it completes.",
						"add a row for " + draft.name
								+ " to an endings table (a table whose titles are Flow, Summary, ...).",
						null);
			}
		}
		return new ArrayList<>(drafts.values());
	}

	private Map<Title, Integer> titles(Sheet sheet, int r) {
		Map<Title, Integer> columns = new EnumMap<>(Title.class);
		Row row = sheet.getRow(r);
		for (int c = 0; c < row.getLastCellNum(); c++) {
			String cell = text(sheet, r, c).strip();
			if (cell.isEmpty()) {
				continue;
			}
			int column = c;
			Title title = Title.of(cell)
				.orElseThrow(() -> new WorkbookCompileException(this.workbook, sheet.getSheetName(), r + 1,
						CellReference.convertNumToColString(column), cell,
						"unknown column title \"" + cell + "\""
								+ DidYouMean.endOfSentence(cell,
										java.util.Arrays.stream(Title.values()).map((t) -> t.text).toList()),
						"use the titles listed in rules/README.md (Flows sheet).", null));
			columns.put(title, c);
		}
		return columns;
	}

	private void checkTitles(Sheet sheet, int r, Map<Title, Integer> columns, Set<Title> allowed) {
		for (Map.Entry<Title, Integer> column : columns.entrySet()) {
			if (!allowed.contains(column.getKey())) {
				throw new WorkbookCompileException(this.workbook, sheet.getSheetName(), r + 1,
						CellReference.convertNumToColString(column.getValue()), column.getKey().text,
						"the column " + column.getKey().text + " belongs in "
								+ (Title.STEPS.contains(column.getKey()) ? "a steps table" : "an endings table") + ".",
						"move it to the other table.", null);
			}
		}
		List<Title> required = allowed == Title.STEPS ? List.of(Title.FLOW, Title.STEP, Title.ASK, Title.EXPECT)
				: List.of(Title.FLOW, Title.SUMMARY);
		for (Title title : required) {
			if (!columns.containsKey(title)) {
				throw new WorkbookCompileException(this.workbook, sheet.getSheetName(), r + 1, null, null,
						"this table has no " + title.text + " column.", "add a column titled " + title.text + ".",
						null);
			}
		}
	}

	private int readSteps(Sheet sheet, int header, Map<Title, Integer> columns, Map<String, Draft> drafts) {
		String flow = null;
		int r = header + 1;
		for (; r <= sheet.getLastRowNum() && !blank(sheet, r, columns); r++) {
			Map<Title, SheetCell> row = cells(sheet, r, columns);
			SheetCell flowCell = row.get(Title.FLOW);
			if (!flowCell.value().isEmpty()) {
				flow = FlowCells.name(flowCell, "flow");
			}
			else if (flow == null) {
				throw flowCell.error("the first step of the table names no flow.",
						"write the flow's name (lowercase letters, digits and _) in column " + flowCell.column() + ".");
			}
			Draft draft = drafts.computeIfAbsent(flow, Draft::new);
			if (!draft.steps.isEmpty() && drafts.get(flow) != null
					&& !draft.steps.get(draft.steps.size() - 1).sheet.equals(sheet.getSheetName())) {
				throw flowCell.error(
						"flow " + flow + " continues here but started on sheet " + draft.steps.get(0).sheet + ".",
						"keep the steps of a flow together in one table.");
			}
			draft.steps.add(step(row, flow, draft));
		}
		return r;
	}

	private int readEndings(Sheet sheet, int header, Map<Title, Integer> columns, List<Map<Title, SheetCell>> rows) {
		int r = header + 1;
		for (; r <= sheet.getLastRowNum() && !blank(sheet, r, columns); r++) {
			Map<Title, SheetCell> row = cells(sheet, r, columns);
			SheetCell flowCell = row.get(Title.FLOW);
			if (flowCell.value().isEmpty()) {
				throw flowCell.error("this endings row names no flow.", "write the name of the flow it completes.");
			}
			FlowCells.name(flowCell, "flow");
			rows.add(row);
		}
		return r;
	}

	private DraftStep step(Map<Title, SheetCell> row, String flow, Draft draft) {
		SheetCell stepCell = row.get(Title.STEP);
		if (stepCell.value().isEmpty()) {
			throw stepCell.error("this step has no name.", "name it, e.g. budget (lowercase letters, digits and _).");
		}
		String name = FlowCells.name(stepCell, "step");
		if (name.equals(FlowStep.DONE)) {
			throw stepCell.error("\"done\" is the word a Next cell uses to end the flow, so no step may be called so.",
					"choose another name.");
		}
		if (draft.steps.stream().anyMatch((other) -> other.step.name().equals(name))) {
			throw stepCell.error("flow " + flow + " has two steps named " + name + ".", "give each step its own name.");
		}
		SheetCell askCell = row.get(Title.ASK);
		if (askCell.value().isEmpty()) {
			throw askCell.error("the step has no question.", "write what the bot asks.");
		}
		SheetCell slotCell = row.get(Title.SLOT);
		String slot = slotCell.value().isEmpty() ? name : FlowCells.name(slotCell, "slot");
		SheetCell expectCell = row.get(Title.EXPECT);
		Expect expect = Expect.named(expectCell.value())
			.orElseThrow(() -> expectCell.error(
					(expectCell.value().isEmpty() ? "the step says nothing about the answer it expects"
							: "unknown kind of answer \"" + expectCell.value() + "\""
									+ DidYouMean.endOfSentence(expectCell.value(), Expect.names())),
					"write one of " + String.join(", ", Expect.names()) + "."));
		SheetCell optionsCell = row.get(Title.OPTIONS);
		List<Option> options = new ArrayList<>();
		BigDecimal min = null;
		BigDecimal max = null;
		String region = null;
		switch (expect) {
			case CHOICE, TEXT -> {
				options.addAll(FlowCells.options(optionsCell, expect));
				if (expect == Expect.CHOICE && options.size() < 2) {
					throw optionsCell.error("a choice needs at least two options.",
							"write them as Title>value; Title>value, e.g. Renovation>renovation; New home>new home.");
				}
			}
			case NUMBER, MONEY -> {
				if (!optionsCell.value().isEmpty()) {
					Matcher range = RANGE.matcher(optionsCell.value().strip());
					if (!range.matches()) {
						throw optionsCell.error("the range \"" + optionsCell.value() + "\" cannot be read.",
								"write the lowest and highest accepted values as min-max, e.g. 500-1000000.");
					}
					min = new BigDecimal(range.group(1).replaceAll("[,_ ]", ""));
					max = new BigDecimal(range.group(2).replaceAll("[,_ ]", ""));
					if (min.compareTo(max) > 0) {
						throw optionsCell.error("the range starts above where it ends.",
								"write the lower value first.");
					}
				}
			}
			case PHONE -> {
				if (!optionsCell.value().isEmpty()) {
					region = optionsCell.value().strip().toUpperCase(Locale.ROOT);
					if (!java.util.Arrays.asList(Locale.getISOCountries()).contains(region)) {
						throw optionsCell.error("\"" + optionsCell.value() + "\" is not a country code.",
								"write the two-letter code of the country whose numbers people type without +, e.g. PT.");
					}
				}
			}
			default -> {
				if (!optionsCell.value().isEmpty()) {
					throw optionsCell.error("a step expecting " + expect.cellName() + " takes no options.",
							"empty this cell.");
				}
			}
		}
		FlowCells.recognise(row.get(Title.ALSO_RECOGNISE), expect, options);
		SheetCell reaskCell = row.get(Title.REASK);
		SheetCell attemptsCell = row.get(Title.ATTEMPTS);
		int attempts = DEFAULT_ATTEMPTS;
		if (!attemptsCell.value().isEmpty()) {
			try {
				attempts = Integer.parseInt(attemptsCell.value().strip().replaceAll("\\.0+$", ""));
			}
			catch (NumberFormatException ex) {
				attempts = -1;
			}
			if (attempts < 1 || attempts > MAX_ATTEMPTS) {
				throw attemptsCell.error("attempts must be a whole number from 1 to " + MAX_ATTEMPTS + ".",
						"write how many answers to try before a person takes over, e.g. 3.");
			}
		}
		List<Route> next = new ArrayList<>();
		SheetCell nextCell = row.get(Title.NEXT);
		if (!nextCell.value().isEmpty()) {
			if (!nextCell.value().contains("->")) {
				next.add(new Route(Condition.ELSE, FlowCells.name(nextCell, "step")));
			}
			else {
				for (Map.Entry<Condition, String> part : FlowCells.conditional(nextCell, expect, options).entrySet()) {
					next.add(new Route(part.getKey(), FlowCells.nameIn(nextCell, part.getValue())));
				}
			}
		}
		List<Points> score = new ArrayList<>();
		SheetCell scoreCell = row.get(Title.SCORE);
		if (!scoreCell.value().isEmpty()) {
			if (!scoreCell.value().contains("->")) {
				score.add(new Points(Condition.ELSE, FlowCells.points(scoreCell, scoreCell.value())));
			}
			else {
				for (Map.Entry<Condition, String> part : FlowCells.conditional(scoreCell, expect, options).entrySet()) {
					score.add(new Points(part.getKey(), FlowCells.points(scoreCell, part.getValue())));
				}
			}
		}
		FollowUp nudge = FlowCells.nudge(row.get(Title.FOLLOW_UP));
		FlowStep step = new FlowStep(name, slot, askCell.value(), expect, options, min, max, region,
				reaskCell.value().isEmpty() ? null : reaskCell.value(), attempts, next, score, stepCell.row(),
				(nudge != null) ? nudge.delay() : null, (nudge != null) ? nudge.text() : null);
		return new DraftStep(step, row, stepCell.sheet());
	}

	private Map<Title, SheetCell> cells(Sheet sheet, int r, Map<Title, Integer> columns) {
		Map<Title, SheetCell> row = new EnumMap<>(Title.class);
		for (Title title : Title.values()) {
			Integer c = columns.get(title);
			row.put(title,
					new SheetCell(this.workbook, sheet.getSheetName(), r + 1,
							c == null ? null : CellReference.convertNumToColString(c),
							c == null ? "" : text(sheet, r, c).strip()));
		}
		return row;
	}

	private static boolean blank(Sheet sheet, int r, Map<Title, Integer> columns) {
		return columns.values().stream().allMatch((c) -> text(sheet, r, c).isBlank());
	}

	private static String text(Sheet sheet, int row, int column) {
		return RuleTable.text(sheet, row, column);
	}

	private record DraftStep(FlowStep step, Map<Title, SheetCell> cells, String sheet) {
	}

	/** A flow as read, before what refers across steps and flows is checked. */
	private static final class Draft {

		private final String name;

		private final List<DraftStep> steps = new ArrayList<>();

		private Map<Title, SheetCell> ending;

		Draft(String name) {
			this.name = name;
		}

		SheetCell firstStep() {
			return this.steps.get(0).cells().get(Title.FLOW);
		}

		Flow build(Set<String> slots) {
			Set<String> stepNames = new LinkedHashSet<>();
			this.steps.forEach((step) -> stepNames.add(step.step().name()));
			for (DraftStep draft : this.steps) {
				FlowStep step = draft.step();
				for (Route route : step.next()) {
					if (!route.step().equals(FlowStep.DONE) && !stepNames.contains(route.step())) {
						throw draft.cells()
							.get(Title.NEXT)
							.error("flow " + this.name + " has no step named " + route.step()
									+ DidYouMean.endOfSentence(route.step(), stepNames),
									"name a step of this flow, or done to complete it.");
					}
				}
				text(draft.cells().get(Title.ASK), slots, List.of());
				text(draft.cells().get(Title.REASK), slots, List.of("reason"));
				if (step.nudge() != null) {
					SheetCell nudge = draft.cells().get(Title.FOLLOW_UP);
					ReplyCheck.check("follow-up", step.nudge(), slots, List.of()).ifPresent((problem) -> {
						throw nudge.error(problem.problem(), problem.fix());
					});
				}
			}
			Map<Title, SheetCell> row = this.ending;
			String summary = text(row.get(Title.SUMMARY), slots, List.of());
			SheetCell sendLead = row.get(Title.SEND_LEAD);
			Boolean send = sendLead.value().isEmpty() ? Boolean.TRUE : CellSyntax.yesNo(sendLead.value());
			if (send == null) {
				throw sendLead.error("send lead is \"" + sendLead.value() + "\".", "write yes or no.");
			}
			SheetCell threshold = row.get(Title.ESCALATE_AT_SCORE);
			Integer escalateAt = threshold.value().isEmpty() ? null : FlowCells.points(threshold, threshold.value());
			SheetCell team = row.get(Title.TEAM);
			List<String> cancelWords = CellSyntax.items(row.get(Title.CANCEL_WORDS).value());
			FlowEnding defaults = FlowEnding.defaults(summary);
			FlowEnding ending = new FlowEnding(summary, CellSyntax.items(row.get(Title.TAGS).value()), send, escalateAt,
					orDefault(text(row.get(Title.ESCALATION_REPLY), slots, List.of()), null),
					team.value().isEmpty() ? null : FlowCells.nameIn(team, team.value(), "team"),
					cancelWords.isEmpty() ? defaults.cancelWords() : cancelWords,
					orDefault(text(row.get(Title.CANCEL_REPLY), slots, List.of()), defaults.cancelReply()),
					orDefault(text(row.get(Title.GIVE_UP_REPLY), slots, List.of()), defaults.giveUpReply()),
					FlowCells.duration(row.get(Title.RESUME_WITHIN), defaults.resumeWithin()),
					orDefault(text(row.get(Title.WELCOME_BACK), slots, List.of()), defaults.welcomeBack()),
					FlowCells.duration(row.get(Title.RESTART_AFTER), defaults.restartAfter()),
					orDefault(text(row.get(Title.ALREADY_DONE), slots, List.of()), defaults.alreadyDone()));
			SheetCell first = firstStep();
			return new Flow(this.name, this.steps.stream().map(DraftStep::step).toList(), ending, first.workbook(),
					first.sheet());
		}

		private static String text(SheetCell cell, Set<String> slots, List<String> extra) {
			if (cell.column() != null && !cell.value().isEmpty()) {
				ReplyCheck.check("text", cell.value(), slots, extra).ifPresent((problem) -> {
					throw cell.error(problem.problem(), problem.fix());
				});
			}
			return cell.value();
		}

		private static String orDefault(String value, String fallback) {
			return (value == null || value.isEmpty()) ? fallback : value;
		}

	}

}
