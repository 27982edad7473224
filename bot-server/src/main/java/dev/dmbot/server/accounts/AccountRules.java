package dev.dmbot.server.accounts;

import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.dmbot.server.nlp.NlpProperties;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.DecisionEngine;

/**
 * The workbook set in force for an account, and the account's settings resolved from it
 * and from the properties. The turn, the guardrails, follow-ups and escalation routing
 * ask here, by the event's account id, instead of reading the live rules or the
 * properties themselves.
 * <p>
 * Today every account is answered with the one set live on every instance
 * ({@code bot:rules:active} in Redis). The layout leaves room for an account with a set
 * of its own: versions ({@code bot:rules:version:<n>}, {@code bot:rules:versions},
 * {@code bot:rules:by-hash}) are shared and addressed by number, so an account's own
 * pointer only names a version number, and an account without one keeps following
 * {@code bot:rules:active}; data written by earlier releases needs no migration.
 */
@Component
public class AccountRules {

	private final DecisionEngine engine;

	private final NlpProperties nlp;

	public AccountRules(DecisionEngine engine, NlpProperties nlp) {
		this.engine = engine;
		this.nlp = nlp;
	}

	/**
	 * The compiled workbook set that answers events addressed to {@code accountId}, as
	 * live at this moment: call it once per decision and keep the result for the
	 * decision's length when its parts must agree.
	 */
	public CompiledRules rulesFor(String accountId) {
		Objects.requireNonNull(accountId, "accountId");
		return this.engine.live();
	}

	/** The settings of {@code accountId} under the set in force for it. */
	public AccountSettings settingsOf(String accountId) {
		return settingsOf(accountId, rulesFor(accountId));
	}

	/**
	 * The settings of {@code accountId} under {@code rules}, the set a decision already
	 * took from {@link #rulesFor}.
	 */
	public AccountSettings settingsOf(String accountId, CompiledRules rules) {
		return AccountSettings.of(accountId, rules, this.nlp.defaultLanguageOf(accountId));
	}

}
