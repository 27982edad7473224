package dev.dmbot.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.nlp.NlpProperties;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.TestWorkbooks;

/**
 * The workbook set in force for an account and the settings read from it: today every
 * account follows the one live set, and its settings change with an activation.
 */
class AccountRulesTest {

	static final String ACCOUNT = "17841405822304914";

	static final String PORTUGUESE_SHOP = "17841499999999999";

	static final NlpProperties LANGUAGES = new NlpProperties(0.3, null, "en", Map.of(PORTUGUESE_SHOP, "pt"),
			List.of("en", "pt", "es"), 10);

	static CompiledRules withGuardrailsAndHours() {
		String[][] guardrails = { row("Guardrails"), row(), row("Opt-out words", "stop"), row("Opt-out reply", "Done."),
				row("Opt-in words", "start"), row("Opt-in reply", "Welcome back!"), row("Daily message cap", "5"),
				row("Quiet hours", "22:00-08:00"), row("Time zone", "America/Sao_Paulo") };
		String[][] escalations = { row("Working hours", "Mon-Fri 09:00-18:00"), row("Time zone", "Europe/Madrid"),
				row(), row("Reason", "Intent", "Team"), row("asked_for_human", "human_agent", "care") };
		return ShippedSheets.compile(
				List.of(FlowWorkbooks.designShop().guardrailRows(guardrails).escalationRows(escalations).build()),
				TestWorkbooks.CLOCK.instant());
	}

	static CompiledRules plain() {
		return ShippedSheets.compile(List.of(FlowWorkbooks.designShop().build()), TestWorkbooks.CLOCK.instant());
	}

	private static String[] row(String... cells) {
		return cells;
	}

	@Test
	void everyAccountIsAnsweredWithTheLiveSetAndFollowsItsActivation() {
		CompiledRules first = plain();
		DecisionEngine engine = new DecisionEngine(first, ShippedSheets.all());
		AccountRules rules = new AccountRules(engine, LANGUAGES);

		assertThat(rules.rulesFor(ACCOUNT)).isSameAs(first);
		assertThat(rules.rulesFor(PORTUGUESE_SHOP)).isSameAs(first);

		CompiledRules second = withGuardrailsAndHours();
		engine.activate(second);

		assertThat(rules.rulesFor(ACCOUNT)).isSameAs(second);
		assertThat(rules.settingsOf(ACCOUNT).dailySendCap()).isEqualTo(OptionalInt.of(5));
	}

	@Test
	void theSettingsAreTheGuardrailsAndEscalationsSheetsAndTheAccountsLanguage() {
		CompiledRules live = withGuardrailsAndHours();
		AccountRules rules = new AccountRules(new DecisionEngine(live, ShippedSheets.all()), LANGUAGES);

		AccountSettings settings = rules.settingsOf(ACCOUNT);

		assertThat(settings.accountId()).isEqualTo(ACCOUNT);
		assertThat(settings.zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
		assertThat(settings.defaultLanguage()).isEqualTo("en");
		assertThat(settings.dailySendCap()).isEqualTo(OptionalInt.of(5));
		assertThat(settings.quietHours())
			.contains(new GuardrailPolicy.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)));
		assertThat(settings.workingHours()).isEqualTo(EscalationPolicy.of(live).hours());
		assertThat(settings.workingHours().zone()).isEqualTo(ZoneId.of("Europe/Madrid"));
		assertThat(rules.settingsOf(PORTUGUESE_SHOP).defaultLanguage()).isEqualTo("pt");
	}

	@Test
	void theDayOfTheCapIsTakenInTheBusinesssTimeZone() {
		AccountRules rules = new AccountRules(new DecisionEngine(withGuardrailsAndHours(), ShippedSheets.all()),
				LANGUAGES);
		Instant lateInBrazil = Instant.parse("2026-03-05T01:30:00Z");

		assertThat(rules.settingsOf(ACCOUNT).day(lateInBrazil)).isEqualTo(LocalDate.of(2026, 3, 4))
			.isEqualTo(GuardrailPolicy.of(rules.rulesFor(ACCOUNT)).day(lateInBrazil));
	}

	@Test
	void withoutTheSheetsThereIsNoCapAndAgentsAreAlwaysThere() {
		AccountRules rules = new AccountRules(new DecisionEngine(plain(), ShippedSheets.all()),
				NlpProperties.defaults());

		AccountSettings settings = rules.settingsOf(ACCOUNT);

		assertThat(settings.dailySendCap()).isEmpty();
		assertThat(settings.quietHours()).isEmpty();
		assertThat(settings.zone()).isEqualTo(GuardrailPolicy.NONE.zone());
		assertThat(settings.workingHours().isAlwaysOpen()).isTrue();
		assertThat(settings.workingHours()).isEqualTo(WorkingHours.alwaysOpen(WorkingHours.DEFAULT_ZONE));
		assertThat(settings.defaultLanguage()).isEqualTo("en");
	}

}
