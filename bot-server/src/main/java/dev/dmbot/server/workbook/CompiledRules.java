package dev.dmbot.server.workbook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.entities.ProductCatalog;

/**
 * A set of workbooks compiled once, ready to decide: the live rules of the server, or a
 * candidate being checked before it may go live. Thread-safe: every decision runs in a
 * session of its own, and the first matching row of each table wins.
 * <p>
 * Besides the decision tables it holds what each feature compiled from its own sheet (the
 * flows, the escalation policy, the guardrails, ...), one part per {@link FeatureSheet},
 * found by the part's type: {@code rules.part(GuardrailPolicy.class)}.
 *
 * @param kieBase the compiled rules
 * @param rowsByRule the spreadsheet row of each rule, keyed by
 * {@link #key(String, String)}
 * @param version what was compiled and when
 * @param commentRows the rows whose Event type names {@code comment}: only they answer a
 * comment
 * @param experiments the rows whose Reply cell holds wordings under test
 * @param parts what the features' sheets compiled to, keyed by the part's type
 */
public record CompiledRules(KieBase kieBase, Map<String, FiredRow> rowsByRule, RulesVersion version,
		Set<FiredRow> commentRows, Map<FiredRow, Experiment> experiments, Map<Class<?>, Object> parts) {

	public CompiledRules {
		rowsByRule = Map.copyOf(rowsByRule);
		commentRows = Set.copyOf(commentRows);
		experiments = Map.copyOf(experiments);
		parts.forEach((type, part) -> {
			if (!type.isInstance(part)) {
				throw new IllegalArgumentException(
						"the part under " + type.getName() + " is a " + part.getClass().getName());
			}
		});
		parts = Map.copyOf(parts);
	}

	/**
	 * What a feature's sheet compiled to; empty when no {@link FeatureSheet} of that part
	 * took part in compiling these rules.
	 */
	public <T> Optional<T> part(Class<T> type) {
		return Optional.ofNullable(this.parts.get(type)).map(type::cast);
	}

	/**
	 * The entities of a message, extracted once for the rules, the flows and the reply:
	 * e-mail addresses, phone numbers, amounts and dates by {@code parsers}, and the
	 * products of this set's Products sheet.
	 * @param language the customer's language, null when not known
	 */
	public ExtractedEntities entitiesOf(String text, Entities parsers, String language) {
		if (text == null || text.isBlank()) {
			return ExtractedEntities.none();
		}
		Locale hint = (language != null && !language.isEmpty()) ? Locale.forLanguageTag(language) : null;
		return parsers.extract(text, hint)
			.withProducts(part(ProductCatalog.class).orElse(ProductCatalog.EMPTY).findAll(text));
	}

	/**
	 * The A/B test behind a decision's reply: the fired row whose Reply cell the decision
	 * carries, when that cell holds wordings under test.
	 */
	public Optional<Experiment> experimentFor(Decision decision) {
		if (this.experiments.isEmpty() || !decision.hasReply()) {
			return Optional.empty();
		}
		List<FiredRow> rows = decision.firedRows();
		for (int i = rows.size() - 1; i >= 0; i--) {
			Experiment experiment = this.experiments.get(rows.get(i));
			if (experiment != null && sameText(experiment.cell(), decision.reply())) {
				return Optional.of(experiment);
			}
		}
		return Optional.empty();
	}

	/**
	 * Compiles workbooks, checking every cell first.
	 * @param sheets the features' sheets to read besides the decision tables
	 * @throws WorkbookCompileException naming the file, sheet, row and column to fix
	 */
	public static CompiledRules compile(List<Workbook> workbooks, Instant compiledAt,
			List<? extends FeatureSheet<?>> sheets) {
		return new DecisionTableCompiler(sheets).compile(workbooks, compiledAt);
	}

	/**
	 * What to do about one inbound event; a decision with no reply when no row matches.
	 */
	public Decision decide(DecisionRequest request) {
		DecisionSink sink = new DecisionSink();
		KieSession session = this.kieBase.newKieSession();
		try {
			session.setGlobal("decision", sink);
			session.addEventListener(new FiredRowRecorder(this.rowsByRule, sink));
			session.insert(new IncomingMessage(request));
			session.fireAllRules();
		}
		finally {
			session.dispose();
		}
		return sink.toDecision();
	}

	/**
	 * What to answer a comment: the decision of the first row that fits, but only if that
	 * row names {@code comment} in its Event type. A general row (the catch-all, a row
	 * for any event with some keyword) never answers a comment in public or in private.
	 */
	public Optional<Decision> decideComment(DecisionRequest request) {
		Decision decision = decide(request);
		if (decision.firedRows().isEmpty()
				|| !this.commentRows.contains(decision.firedRows().get(decision.firedRows().size() - 1))) {
			return Optional.empty();
		}
		return Optional.of(decision);
	}

	/** Drools may hand back a cell with other line endings or outer spaces. */
	private static boolean sameText(String cell, String reply) {
		return cell.strip().replace("\r\n", "\n").equals(reply.strip().replace("\r\n", "\n"));
	}

	static String key(String packageName, String ruleName) {
		return packageName + "." + ruleName;
	}

}
