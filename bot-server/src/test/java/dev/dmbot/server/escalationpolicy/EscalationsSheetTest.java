package dev.dmbot.server.escalationpolicy;

import static dev.dmbot.server.escalationpolicy.EscalationWorkbooks.shop;
import static dev.dmbot.server.escalationpolicy.EscalationWorkbooks.shopWithCell;
import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.escalationpolicy.EscalationFacts;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.escalationpolicy.EscalationRoute;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.WorkbookBuilder;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.ShippedSheets;

/**
 * The Escalations sheet as analysts write it: what it reads as, which row a message
 * matches, and each mistake located to its cell with what is wrong and how to fix it.
 */
class EscalationsSheetTest {

	// 2025-01-13 is a Monday; Lisbon is on UTC in winter.
	private static final Instant MONDAY_10 = Instant.parse("2025-01-13T10:00:00Z");

	private static final Instant MONDAY_20 = Instant.parse("2025-01-13T20:00:00Z");

	private static final EscalationPolicy SHOP = EscalationPolicy.of(compile(shop()));

	private static CompiledRules compile(WorkbookBuilder... workbooks) {
		return ShippedSheets.compile(List.of(workbooks).stream().map(WorkbookBuilder::build).toList(),
				TestWorkbooks.CLOCK.instant());
	}

	private static WorkbookCompileException compileError(WorkbookBuilder... workbooks) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compile(workbooks));
		assertThat(error).as("compile error").isNotNull();
		return error;
	}

	/** A plain message the Replies sheet answers without escalating. */
	private static Facts message(String intent, String text) {
		return new Facts(intent, text, Set.of(), 0, false, null, false);
	}

	private static Optional<String> reason(Facts facts) {
		return SHOP.route(facts.toFacts()).map(EscalationRoute::reason);
	}

	private static int row(Facts facts) {
		return SHOP.route(facts.toFacts()).orElseThrow().row().row();
	}

	@Test
	void readsTheSettingsAndEveryRow() {
		assertThat(SHOP.hours().zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
		assertThat(SHOP.hours().openings()).hasSize(6);
		assertThat(SHOP.routes()).extracting(EscalationRoute::reason)
			.containsExactly("vip", "refund", "complaint", "asked_for_human", "not_understood", "flow_gave_up",
					"big_lead", "escalated_by_replies");
		EscalationRoute refund = SHOP.routes().get(1);
		assertThat(refund).isEqualTo(new EscalationRoute("refund", "care", "high", EscalationWorkbooks.IN_HOURS,
				EscalationWorkbooks.OUT_OF_HOURS, Duration.ofHours(48), Duration.ofHours(2),
				new FiredRow("shop.xlsx", "Escalations", 6)));
		EscalationRoute human = SHOP.routes().get(3);
		assertThat(human.priority()).as("blank priority").isEqualTo("normal");
		assertThat(human.inHoursMessage()).as("blank: keep the Replies text").isNull();
		assertThat(human.outOfHoursMessage()).isNull();
		assertThat(human.idleTimeout()).as("blank: the server's default").isNull();
		assertThat(human.sla()).isNull();
		EscalationRoute complaint = SHOP.routes().get(2);
		assertThat(complaint.outOfHoursMessage()).as("blank: the in-hours text")
			.isEqualTo(EscalationWorkbooks.IN_HOURS);
	}

	@Test
	void aSetWithoutAnEscalationsSheetNeverEscalates() {
		CompiledRules rules = compile(FlowWorkbooks.designShop());

		assertThat(EscalationPolicy.of(rules)).isSameAs(EscalationPolicy.NONE);
		assertThat(EscalationPolicy.NONE.route(message("complaint", "awful").escalating().toFacts())).isEmpty();
		assertThat(EscalationPolicy.NONE.hours().isAlwaysOpen()).isTrue();
	}

	@Test
	void theFirstMatchingRowWins() {
		Facts vipComplaint = message("complaint", "I want a refund").tags("vip").escalating();

		assertThat(reason(vipComplaint)).contains("vip");
		assertThat(row(vipComplaint)).isEqualTo(5);
		assertThat(reason(vipComplaint.tags("regular"))).as("the refund row is above the complaint row")
			.contains("refund");
		assertThat(reason(message("complaint", "the lamp is broken").escalating())).contains("complaint");
		assertThat(reason(message("pricing", "how much?").escalating())).contains("escalated_by_replies");
	}

	@Test
	void theConditionsOfARowMustAllMatch() {
		assertThat(reason(message("thanks", "thanks!").tags("vip"))).as("vip without Replies escalate").isEmpty();
		assertThat(reason(message("thanks", "thanks!").escalating())).as("Replies escalate without vip")
			.contains("escalated_by_replies");
		assertThat(reason(message("thanks", "thanks!").tags("vip").escalating())).contains("vip");
	}

	@Test
	void intentMatchesAnyOfItsIntents() {
		assertThat(reason(message("complaint", "terrible"))).contains("complaint");
		assertThat(reason(message("COMPLAINT", "terrible"))).contains("complaint");
		assertThat(reason(message("returns", "terrible"))).isEmpty();
		assertThat(reason(message(null, null))).isEmpty();
	}

	@Test
	void keywordsMatchWholeWordsOrWordStartsIgnoringCaseAndAccents() {
		assertThat(reason(message("returns", "I want a REFUND now"))).contains("refund");
		assertThat(reason(message("returns", "was it refunded?"))).as("word start").contains("refund");
		assertThat(reason(message("returns", "quero o réembolso"))).as("accents").contains("refund");
		assertThat(reason(message("returns", "can I have my money back?"))).as("two words").contains("refund");
		assertThat(reason(message("returns", "is it nonrefundable?"))).as("inside a word").isEmpty();
		assertThat(reason(message("returns", "money, back"))).as("the words of a keyword in order").contains("refund");
		assertThat(reason(message("returns", "my money is back"))).isEmpty();
	}

	@Test
	void unknownInARowMatchesFromTheNthMessage() {
		assertThat(reason(message("unknown", "blorp").streak(2))).isEmpty();
		assertThat(reason(message("unknown", "blorp").streak(3))).contains("not_understood");
		assertThat(reason(message("unknown", "blorp").streak(7))).contains("not_understood");
	}

	@Test
	void flowGaveUpMatchesOnlyWhenItDid() {
		assertThat(reason(message(null, "sofia at gmail").gaveUp())).contains("flow_gave_up");
		assertThat(reason(message(null, "sofia at gmail"))).isEmpty();
	}

	@Test
	void hasTagMatchesAnyTagIgnoringCase() {
		assertThat(reason(message("thanks", "thanks").tags("design_lead", "VIP").escalating())).contains("vip");
		assertThat(reason(message("thanks", "thanks").tags("design_lead").escalating()))
			.contains("escalated_by_replies");
	}

	@Test
	void leadScoreMatchesAtOrAboveTheThreshold() {
		assertThat(reason(message(null, "ana@gmail.com").score(100))).contains("big_lead");
		assertThat(reason(message(null, "ana@gmail.com").score(140))).contains("big_lead");
		assertThat(reason(message(null, "ana@gmail.com").score(99))).isEmpty();
		assertThat(reason(message(null, "ana@gmail.com"))).as("no flow completed").isEmpty();
	}

	@Test
	void theCustomerMessageFollowsTheWorkingHours() {
		EscalationRoute refund = SHOP.routes().get(1);

		assertThat(refund.customerMessage(SHOP.hours(), MONDAY_10))
			.isEqualTo("A teammate from care will reply here within about an hour 🙋");
		assertThat(refund.customerMessage(SHOP.hours(), MONDAY_20))
			.isEqualTo("Our team is offline right now; a teammate will reply tomorrow at 09:00 🙋");
		assertThat(SHOP.routes().get(6).customerMessage(SHOP.hours(), MONDAY_20))
			.as("other variables are left for the reply template")
			.isEqualTo("Thank you, {{slot.name|there}}! A senior designer will call you tomorrow at 09:00.");
		assertThat(SHOP.routes().get(3).customerMessage(SHOP.hours(), MONDAY_20)).isNull();
		assertThat(refund.customerMessage(WorkingHours.alwaysOpen(ZoneId.of("Europe/Lisbon")), MONDAY_20))
			.startsWith("A teammate");
	}

	@Test
	void anOpensVariableTakesItsDefaultWhenAlwaysOpen() {
		EscalationRoute route = new EscalationRoute("x", "care", "normal", "Back {{opens|soon}}!",
				"Back {{opens|soon}}!", null, null, new FiredRow("shop.xlsx", "Escalations", 5));

		assertThat(route.customerMessage(WorkingHours.alwaysOpen(ZoneId.of("UTC")), MONDAY_20)).isEqualTo("Back soon!");
	}

	@Test
	void theEscalationsSheetIsNotADecisionTable() {
		CompiledRules rules = compile(shop());

		assertThat(rules.rowsByRule().values()).extracting(FiredRow::sheet).containsOnly("Replies");
		assertThat(rules.decide(TestWorkbooks.textMessage("complaint", "awful")).reply())
			.isEqualTo(WorkbookBuilder.CATCH_ALL_REPLY);
	}

	// ---------------------------------------------------------------- errors

	@Test
	void anUnknownIntentSuggestsTheClosest() {
		WorkbookCompileException error = compileError(shopWithCell("B7", "complaint, complaitn"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 7, column B");
		assertThat(error.value()).isEqualTo("complaint, complaitn");
		assertThat(error.problem()).isEqualTo("unknown intent \"complaitn\" — did you mean \"complaint\"?");
		assertThat(error.fix()).startsWith("use one of greeting, pricing,").endsWith("(comma-separated for several).");
	}

	@Test
	void unknownInARowMustBeAWholeNumberOfOneOrMore() {
		for (String value : List.of("three", "0", "2.5")) {
			WorkbookCompileException error = compileError(shopWithCell("D9", value));

			assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 9, column D");
			assertThat(error.problem()).isEqualTo("\"" + value + "\" is not a whole number of 1 or more.");
			assertThat(error.fix())
				.isEqualTo("write how many messages in a row the bot must fail to understand, e.g. 3.");
		}
	}

	@Test
	void aLeadScoreMustBeAWholeNumber() {
		WorkbookCompileException error = compileError(shopWithCell("G11", "a hundred"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 11, column G");
		assertThat(error.problem()).isEqualTo("\"a hundred\" is not a whole number of points.");
		assertThat(error.fix()).isEqualTo("write the lowest lead score that goes to a person, e.g. 100.");
	}

	@Test
	void yesNoCellsTakeYesOrNo() {
		WorkbookCompileException gaveUp = compileError(shopWithCell("E10", "maybe"));
		WorkbookCompileException replies = compileError(shopWithCell("H12", "sometimes"));

		assertThat(gaveUp.location()).isEqualTo("shop.xlsx, sheet Escalations, row 10, column E");
		assertThat(gaveUp.problem()).isEqualTo("flow gave up is \"maybe\".");
		assertThat(gaveUp.fix()).isEqualTo("write yes (only then) or no (does not matter), or leave it empty.");
		assertThat(replies.location()).isEqualTo("shop.xlsx, sheet Escalations, row 12, column H");
		assertThat(replies.problem()).isEqualTo("replies escalate is \"sometimes\".");
	}

	@Test
	void anUnknownPrioritySuggestsTheClosest() {
		WorkbookCompileException error = compileError(shopWithCell("J5", "urgnt"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 5, column J");
		assertThat(error.problem()).isEqualTo("unknown priority \"urgnt\" — did you mean \"urgent\"?");
		assertThat(error.fix()).isEqualTo("write one of urgent, high, normal, low, or leave it empty for normal.");
	}

	@Test
	void durationsAreReadLikeTheFlowsSheets() {
		WorkbookCompileException idle = compileError(shopWithCell("M6", "two days"));
		WorkbookCompileException sla = compileError(shopWithCell("N6", "0 minutes"));

		assertThat(idle.location()).isEqualTo("shop.xlsx, sheet Escalations, row 6, column M");
		assertThat(idle.problem()).isEqualTo("\"two days\" is not a length of time.");
		assertThat(idle.fix()).isEqualTo("write a number and a unit, e.g. 7 days, 12 hours, 2 weeks or 30 minutes.");
		assertThat(sla.location()).isEqualTo("shop.xlsx, sheet Escalations, row 6, column N");
		assertThat(sla.problem()).isEqualTo("\"0 minutes\" is no time at all.");
		assertThat(EscalationPolicy.of(compile(shopWithCell("M6", "3 days"))).routes().get(1).idleTimeout())
			.isEqualTo(Duration.ofDays(3));
	}

	@Test
	void anUnknownTitleSuggestsTheClosest() {
		WorkbookCompileException error = compileError(shopWithCell("C4", "Keywrods"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 4, column C");
		assertThat(error.problem()).isEqualTo("unknown column title \"Keywrods\" — did you mean \"Keywords\"?");
		assertThat(error.fix())
			.isEqualTo("use the titles listed in rules/README.md, section \"Escalations: when a person takes over\".");
	}

	@Test
	void titlesAreReadInAnyCaseAndTheRepliesKeywordsTitleToo() {
		CompiledRules rules = compile(shopWithCell("C4", "KEYWORDS (any of)"));

		assertThat(EscalationPolicy.of(rules).route(message("returns", "refund please").toFacts()))
			.map(EscalationRoute::reason)
			.contains("refund");
	}

	@Test
	void aTableWithoutATeamColumnIsRejectedAtItsHeader() {
		WorkbookCompileException error = compileError(shopWithCell("I4", null));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 4");
		assertThat(error.problem()).isEqualTo("this table has no Team column, so nothing says who takes over.");
		assertThat(error.fix()).isEqualTo("add a column titled Team.");
	}

	@Test
	void aSheetWithoutAReasonHeaderIsRejected() {
		WorkbookCompileException error = compileError(shopWithCell("A4", "Why"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations");
		assertThat(error.problem()).isEqualTo("the sheet has no table: no row has Reason in column A.");
	}

	@Test
	void aRowWithoutReasonOrTeamIsRejected() {
		WorkbookCompileException reason = compileError(shopWithCell("A8", null));
		WorkbookCompileException team = compileError(shopWithCell("I8", ""));

		assertThat(reason.location()).isEqualTo("shop.xlsx, sheet Escalations, row 8, column A");
		assertThat(reason.problem()).isEqualTo("the row has no reason.");
		assertThat(team.location()).isEqualTo("shop.xlsx, sheet Escalations, row 8, column I");
		assertThat(team.problem()).isEqualTo("the row names no team.");
		assertThat(team.fix()).isEqualTo("write who takes over, e.g. care or sales.");
	}

	@Test
	void reasonsAndTeamsAreNames() {
		WorkbookCompileException reason = compileError(shopWithCell("A8", "asked for a human!"));
		WorkbookCompileException team = compileError(shopWithCell("I8", "Customer Care"));

		assertThat(reason.problem()).isEqualTo("\"asked for a human!\" is not a valid reason name.");
		assertThat(reason.fix()).isEqualTo("use lowercase letters, digits and _ only, e.g. asked_for_a_human.");
		assertThat(team.location()).isEqualTo("shop.xlsx, sheet Escalations, row 8, column I");
		assertThat(team.fix()).isEqualTo("use lowercase letters, digits and _ only, e.g. customer_care.");
		assertThat(EscalationPolicy.of(compile(shopWithCell("I8", "Care"))).routes().get(3).team()).isEqualTo("care");
	}

	@Test
	void aReasonIsUsedOnce() {
		WorkbookCompileException error = compileError(shopWithCell("A9", "complaint"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 9, column A");
		assertThat(error.problem()).isEqualTo("the reason complaint is also used in row 7.");
		assertThat(error.fix()).startsWith("give each row a reason of its own, e.g. complaint_2");
	}

	@Test
	void aRowWithoutAnyConditionIsRejected() {
		WorkbookCompileException blank = compileError(shopWithCell("B8", ""));

		assertThat(blank.location()).isEqualTo("shop.xlsx, sheet Escalations, row 8, column A");
		assertThat(blank.value()).isEqualTo("asked_for_human");
		assertThat(blank.problem()).isEqualTo("this row has no condition, so it would hand every message to a person.");
		assertThat(blank.fix()).isEqualTo(
				"fill at least one of Intent, Keywords, Unknown in a row, Flow gave up, Has tag, Lead score at least,"
						+ " Replies escalate (no in Flow gave up or Replies escalate means it does not matter).");
	}

	@Test
	void aRowOfOnlyNoConditionsIsRejected() {
		WorkbookCompileException error = compileError(workbook("shop.xlsx").escalationRows(EscalationWorkbooks.TITLES,
				EscalationWorkbooks.row("nothing", "", "", "", "no", "", "", "no", "care")));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 2, column A");
		assertThat(error.problem()).startsWith("this row has no condition");
	}

	@Test
	void badWorkingHoursNameThePartThatIsWrong() {
		WorkbookCompileException error = compileError(shopWithCell("B1", "Mon-Fri 09:00-18:00; Sat 10:00-1400"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 1, column B");
		assertThat(error.problem())
			.isEqualTo("in \"Sat 10:00-1400\", \"1400\" is not a time of day written as HH:MM, e.g. 09:30.");
		assertThat(error.fix()).isEqualTo("write days and hours like Mon-Fri 09:00-18:00; Sat 10:00-14:00 "
				+ "(days Mon to Sun, times as HH:MM, parts separated by ;), or leave the cell empty for always open.");
		assertThat(compileError(shopWithCell("B1", "Mon-Fry 09:00-18:00")).problem())
			.isEqualTo("in \"Mon-Fry 09:00-18:00\", \"Fry\" is not a day — did you mean \"Fri\"?");
	}

	@Test
	void anUnknownTimeZoneSuggestsTheClosest() {
		WorkbookCompileException error = compileError(shopWithCell("B2", "Europe/Lisbn"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 2, column B");
		assertThat(error.problem()).isEqualTo("unknown time zone \"Europe/Lisbn\" — did you mean \"Europe/Lisbon\"?");
		assertThat(error.fix())
			.isEqualTo("write the time zone's IANA name, e.g. Europe/Lisbon, Atlantic/Azores or Europe/London.");
		assertThat(EscalationPolicy.of(compile(shopWithCell("B2", "atlantic/azores"))).hours().zone())
			.isEqualTo(ZoneId.of("Atlantic/Azores"));
	}

	@Test
	void withoutSettingsTheTeamIsAlwaysInAndTheZoneIsLisbon() {
		WorkbookBuilder shop = FlowWorkbooks.designShop()
			.escalationRows(EscalationWorkbooks.TITLES,
					EscalationWorkbooks.row("complaint", "complaint", "", "", "", "", "", "", "care"));

		EscalationPolicy policy = EscalationPolicy.of(compile(shop));

		assertThat(policy.hours().isAlwaysOpen()).isTrue();
		assertThat(policy.hours().zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
		assertThat(policy.routes()).singleElement().extracting((route) -> route.row().row()).isEqualTo(2);
	}

	@Test
	void anUnknownSettingSuggestsTheClosest() {
		WorkbookCompileException error = compileError(shopWithCell("A1", "Workin hours"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 1, column A");
		assertThat(error.problem()).isEqualTo("unknown setting \"Workin hours\" — did you mean \"Working hours\"?");
	}

	@Test
	void aNoteAloneInColumnAIsNotASetting() {
		CompiledRules rules = compile(shopWithCell("A3", "Who takes over, and when. See the Guide sheet."));

		assertThat(EscalationPolicy.of(rules).routes()).hasSize(8);
	}

	@Test
	void theMessagesAreCheckedLikeReplies() {
		WorkbookCompileException variable = compileError(shopWithCell("L6", "We are back {{opns}}."));
		WorkbookCompileException slot = compileError(shopWithCell("K11", "Thanks {{slot.nmae}}!"));
		WorkbookCompileException tooLong = compileError(shopWithCell("K7", "🙋".repeat(251)));

		assertThat(variable.location()).isEqualTo("shop.xlsx, sheet Escalations, row 6, column L");
		assertThat(variable.problem()).isEqualTo("unknown variable {{opns}} — did you mean \"opens\"?");
		assertThat(variable.fix()).contains("{{team}}", "{{opens}}", "{{first_name}}");
		assertThat(slot.location()).isEqualTo("shop.xlsx, sheet Escalations, row 11, column K");
		assertThat(slot.problem())
			.isEqualTo("{{slot.nmae}} names slot \"nmae\", which no flow fills — did you mean \"name\"?");
		assertThat(tooLong.location()).isEqualTo("shop.xlsx, sheet Escalations, row 7, column K");
		assertThat(tooLong.problem()).startsWith("the message is 1004 bytes long");
		assertThat(tooLong.fix()).isEqualTo("shorten the message by at least 4 bytes.");
	}

	@Test
	void aRowBelowTheEmptyRowThatEndsTheTableIsNotIgnoredSilently() {
		WorkbookCompileException error = compileError(shop().escalationRows(EscalationWorkbooks.row(),
				EscalationWorkbooks.row("late", "returns", "", "", "", "", "", "", "care")));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Escalations, row 14, column B");
		assertThat(error.problem())
			.isEqualTo("this row is below the empty row that ends the table, so it would be ignored.");
		assertThat(error.fix()).isEqualTo("delete the empty rows above it, so the row joins the table.");
	}

	@Test
	void twoWorkbooksWithAnEscalationsSheetAreRejectedNamingBoth() {
		WorkbookBuilder other = workbook("extra.xlsx").ruleSet("dev.dmbot.rules.extra")
			.withoutCatchAll()
			.rule("B", "payment", "G", "We take MB WAY.")
			.escalationRows(EscalationWorkbooks.TITLES,
					EscalationWorkbooks.row("payment", "payment", "", "", "", "", "", "", "care"));

		WorkbookCompileException error = compileError(shop(), other);

		assertThat(error.location()).isEqualTo("extra.xlsx, sheet Escalations");
		assertThat(error.problem()).isEqualTo(
				"both shop.xlsx and extra.xlsx have an Escalations sheet, and one set of rules has one escalation policy.");
		assertThat(error.fix())
			.isEqualTo("keep the Escalations sheet in one of the two workbooks and delete it from the other.");
	}

	@Test
	void theEscalationsSheetMayLiveInAnyWorkbookOfTheSet() {
		WorkbookBuilder other = workbook("extra.xlsx").ruleSet("dev.dmbot.rules.extra")
			.withoutCatchAll()
			.rule("B", "payment", "G", "We take MB WAY.")
			.escalationRows(EscalationWorkbooks.TITLES,
					EscalationWorkbooks.row("payment", "payment", "", "", "", "", "", "", "care"));

		EscalationPolicy policy = EscalationPolicy.of(compile(FlowWorkbooks.designShop(), other));

		assertThat(policy.routes()).singleElement()
			.extracting(EscalationRoute::row)
			.isEqualTo(new FiredRow("extra.xlsx", "Escalations", 2));
	}

	/** Facts built up one question at a time. */
	private record Facts(String intent, String text, Set<String> tags, long streak, boolean flowGaveUp, Integer score,
			boolean escalate) {

		Facts tags(String... tags) {
			return new Facts(this.intent, this.text, Set.of(tags), this.streak, this.flowGaveUp, this.score,
					this.escalate);
		}

		Facts streak(long streak) {
			return new Facts(this.intent, this.text, this.tags, streak, this.flowGaveUp, this.score, this.escalate);
		}

		Facts gaveUp() {
			return new Facts(this.intent, this.text, this.tags, this.streak, true, this.score, this.escalate);
		}

		Facts score(int score) {
			return new Facts(this.intent, this.text, this.tags, this.streak, this.flowGaveUp, score, this.escalate);
		}

		Facts escalating() {
			return new Facts(this.intent, this.text, this.tags, this.streak, this.flowGaveUp, this.score, true);
		}

		EscalationFacts toFacts() {
			return new EscalationFacts(this.intent, this.text, this.tags, this.streak, this.flowGaveUp, this.score,
					this.escalate);
		}

	}

}
