package dev.dmbot.server.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.guardrails.GuardrailPolicy.QuietHours;
import dev.dmbot.server.workbook.CompiledRules;

/**
 * How one business wants its account run, as the workbook set in force for the account
 * and the server's properties say. Resolved per event by {@link AccountRules#settingsOf};
 * nothing here is kept between events, so an activation changes it at once.
 *
 * @param accountId the account these settings are for
 * @param zone the business's time zone (the Guardrails sheet's): the day of the daily
 * send cap and the clock of the quiet hours
 * @param defaultLanguage the language of a new customer whose message is too short to
 * tell ({@code bot.nlp.account-languages.<id>}, else {@code bot.nlp.default-language})
 * @param dailySendCap the most automated messages one person gets per day in
 * {@code zone}; empty when there is no cap
 * @param quietHours when non-urgent follow-ups wait, in {@code zone}; empty when they
 * never wait
 * @param workingHours when agents answer escalations (the Escalations sheet's), in their
 * own zone; always open without that sheet
 */
public record AccountSettings(String accountId, ZoneId zone, String defaultLanguage, OptionalInt dailySendCap,
		Optional<QuietHours> quietHours, WorkingHours workingHours) {

	public AccountSettings {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(defaultLanguage, "defaultLanguage");
		Objects.requireNonNull(dailySendCap, "dailySendCap");
		Objects.requireNonNull(quietHours, "quietHours");
		Objects.requireNonNull(workingHours, "workingHours");
	}

	/**
	 * The settings of {@code accountId} under {@code rules}, the workbook set in force
	 * for it.
	 */
	static AccountSettings of(String accountId, CompiledRules rules, String defaultLanguage) {
		GuardrailPolicy guardrails = GuardrailPolicy.of(rules);
		return new AccountSettings(accountId, guardrails.zone(), defaultLanguage, guardrails.dailyCap(),
				guardrails.quietHours(), EscalationPolicy.of(rules).hours());
	}

	/** The day {@code at} falls on in the business's time zone, for the daily cap. */
	public LocalDate day(Instant at) {
		return at.atZone(this.zone).toLocalDate();
	}

}
