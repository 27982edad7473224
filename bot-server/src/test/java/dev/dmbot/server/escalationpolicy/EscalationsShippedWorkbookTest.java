package dev.dmbot.server.escalationpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.escalationpolicy.EscalationFacts;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.escalationpolicy.EscalationRoute;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.Decision;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.ShippedSheets;

/**
 * The Escalations sheet of the shipped workbook, as rules/README.md describes it: the row
 * each kind of message goes to, the team's hours, and the same policy from the copy
 * LibreOffice saved.
 */
class EscalationsShippedWorkbookTest {

	private static final CompiledRules SHIPPED = ShippedSheets.compile(List.of(TestWorkbooks.shipped()),
			TestWorkbooks.CLOCK.instant());

	private static final EscalationPolicy POLICY = EscalationPolicy.of(SHIPPED);

	/**
	 * The facts the conversation would have after the Replies sheet answered
	 * {@code request}: its Escalate cell says whether the reply escalates.
	 */
	private static EscalationRoute routeOf(DecisionRequest request, Set<String> tags, long unknownStreak) {
		Decision decision = SHIPPED.decide(request);
		Set<String> after = new HashSet<>(tags);
		after.addAll(decision.addTags());
		return POLICY
			.route(new EscalationFacts(request.intent(), request.text(), after, unknownStreak, false, null,
					decision.escalate()))
			.orElse(null);
	}

	private static EscalationRoute routeOf(DecisionRequest request) {
		return routeOf(request, request.tags(), 0);
	}

	@Test
	void theShippedRowsInOrder() {
		assertThat(POLICY.routes()).extracting(EscalationRoute::reason)
			.containsExactly("vip_needs_person", "refund", "complaint", "asked_for_human", "not_understood",
					"flow_gave_up", "big_design_lead", "escalated_by_replies");
		assertThat(POLICY.routes()).extracting((route) -> route.row().row())
			.containsExactly(6, 7, 8, 9, 10, 11, 12, 13);
		assertThat(POLICY.routes()).extracting(EscalationRoute::team)
			.containsExactly("care", "care", "care", "care", "care", "care", "sales", "care");
		assertThat(POLICY.routes()).extracting(EscalationRoute::priority)
			.containsExactly("urgent", "high", "high", "normal", "normal", "normal", "high", "normal");
		assertThat(POLICY.routes().get(0).sla()).isEqualTo(Duration.ofMinutes(30));
		assertThat(POLICY.routes().get(6).idleTimeout()).isEqualTo(Duration.ofHours(72));
		assertThat(POLICY.routes()).allSatisfy((route) -> {
			assertThat(route.inHoursMessage()).isNotBlank();
			assertThat(route.outOfHoursMessage()).contains("{{opens}}");
		});
	}

	@Test
	void theTeamWorksMondayToSaturdayTenToSevenInLisbon() {
		WorkingHours hours = POLICY.hours();

		assertThat(hours.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
		// 2025-07-12 is a Saturday; Lisbon is on UTC+1 in summer.
		assertThat(hours.isOpen(Instant.parse("2025-07-12T09:00:00Z"))).isTrue();
		assertThat(hours.isOpen(Instant.parse("2025-07-12T18:00:00Z"))).isFalse();
		assertThat(hours.opensText(Instant.parse("2025-07-12T18:00:00Z"))).isEqualTo("Monday at 10:00");
		assertThat(hours.opensText(Instant.parse("2025-07-14T07:00:00Z"))).isEqualTo("today at 10:00");
	}

	@Test
	void eachKindOfMessageGoesToItsRow() {
		assertThat(routeOf(
				TestWorkbooks.request("message", "human_agent", "I need to talk to a person", null, "", Set.of("vip")))
			.reason()).isEqualTo("vip_needs_person");
		assertThat(routeOf(TestWorkbooks.textMessage("returns", "Can I get my money back for the lamp?")).reason())
			.isEqualTo("refund");
		assertThat(
				routeOf(TestWorkbooks.textMessage("complaint", "Quero o reembolso, o candeeiro veio partido")).reason())
			.as("the keyword row is above the complaint row")
			.isEqualTo("refund");
		assertThat(routeOf(TestWorkbooks.textMessage("complaint", "The lamp arrived broken")).reason())
			.isEqualTo("complaint");
		assertThat(routeOf(TestWorkbooks.textMessage("human_agent", "Can I talk to someone?")).reason())
			.isEqualTo("asked_for_human");
		assertThat(routeOf(TestWorkbooks.textMessage("unknown", "blorp"), Set.of(), 3).reason())
			.isEqualTo("not_understood");
		assertThat(routeOf(TestWorkbooks.postback("MENU_HUMAN")).reason()).as("Replies row 16 escalates")
			.isEqualTo("escalated_by_replies");
		assertThat(POLICY.route(new EscalationFacts(null, "sofia at gmail", Set.of(), 0, true, null, true)))
			.map(EscalationRoute::reason)
			.contains("flow_gave_up");
		assertThat(POLICY
			.route(new EscalationFacts(null, "ana.ribeiro@gmail.com", Set.of("design_lead"), 0, false, 140, true)))
			.map(EscalationRoute::reason)
			.contains("big_design_lead");
	}

	@Test
	void everydayMessagesStayWithTheBot() {
		assertThat(routeOf(TestWorkbooks.textMessage("pricing", "How much is the oak mirror?"))).isNull();
		assertThat(routeOf(TestWorkbooks.textMessage("thanks", "Thank you!"), Set.of("vip"), 0))
			.as("a VIP who needs nobody")
			.isNull();
		assertThat(routeOf(TestWorkbooks.textMessage("unknown", "blorp"), Set.of(), 2)).isNull();
		assertThat(
				POLICY.route(new EscalationFacts(null, "miguel@sapo.pt", Set.of("design_lead"), 0, false, 25, false)))
			.as("a small lead")
			.isEmpty();
	}

	@Test
	void theCustomerIsToldWhenTheTeamIsBack() {
		EscalationRoute human = POLICY.routes().get(3);

		assertThat(human.customerMessage(POLICY.hours(), Instant.parse("2025-07-12T18:30:00Z")))
			.isEqualTo("Of course! Our team is offline right now; a teammate will reply Monday at 10:00 🙋");
		assertThat(human.customerMessage(POLICY.hours(), Instant.parse("2025-07-14T12:00:00Z")))
			.isEqualTo("Of course! A teammate will reply here within about an hour 🙋");
	}

	@Test
	void theLibreOfficeCopyHasTheSamePolicy() throws IOException {
		byte[] copy;
		try (InputStream in = getClass().getResourceAsStream("/workbooks/lumen-oak-libreoffice.xlsx")) {
			copy = in.readAllBytes();
		}

		CompiledRules libreOffice = ShippedSheets.compile(List.of(new Workbook("lumen-oak.xlsx", copy)),
				TestWorkbooks.CLOCK.instant());

		assertThat(EscalationPolicy.of(libreOffice)).isEqualTo(POLICY);
	}

}
