package dev.dmbot.server.admin;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.ReplyTemplate;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.workbook.RuleSetActivator;
import dev.dmbot.server.workbook.RuleSetVersion;
import dev.dmbot.server.platform.events.EventKind;

/**
 * Runs a message through the intent model and the live decision tables exactly as a DM
 * would go, and keeps every step, without touching any conversation or sending anything.
 */
@Component
class DecisionExplainer {

	private final IntentClassifier classifier;

	private final DecisionEngine engine;

	private final RuleSetActivator activator;

	private final Responder responder;

	private final Clock clock;

	private final LanguageDetector languages;

	private final Entities entities;

	DecisionExplainer(IntentClassifier classifier, DecisionEngine engine, RuleSetActivator activator,
			Responder responder, Clock clock, LanguageDetector languages, Entities entities) {
		this.languages = languages;
		this.entities = entities;
		this.responder = responder;
		this.clock = clock;
		this.classifier = classifier;
		this.engine = engine;
		this.activator = activator;
	}

	Explanation explain(ExplainRequest request) {
		boolean classifies = DecisionRequest.classifies(request.event(), request.text());
		DetectedLanguage language = this.languages.detect(classifies ? request.text() : null, request.language(), null);
		Intent intent = classifies ? this.classifier.classify(request.text(), language.code())
				: new Intent(DecisionRequest.NO_TEXT_INTENT, 0);
		ExtractedEntities found = classifies
				? this.engine.live().entitiesOf(request.text(), this.entities, language.code())
				: ExtractedEntities.none();
		DecisionRequest facts = new DecisionRequest(request.event(), intent.name(), intent.confidence(), request.text(),
				request.payload(), EventKind.REFERRAL.ruleName().equals(request.event()) ? request.payload() : null,
				request.state(), new LinkedHashSet<>(request.tags()), 1, request.attributes(), null, language.code(),
				found);
		RuleSetVersion version = this.activator.current();
		// As for a customer with no flow under way: a row that starts a flow shows its
		// first question.
		// Wording A of an A/B-tested reply, as the Tests sheet sees it.
		Response decision = this.responder.respond(this.engine.live(), facts, FlowMemory.EMPTY, this.clock.instant());
		String nextState = decision.nextState() == null ? request.state() : decision.nextState();
		String reply = decision.hasReply() ? ReplyTemplate.render(decision.reply(), request.attributes(),
				decision.flows().slots(), nextState, intent.name(), language.code(), found) : null;
		List<String> rows = decision.firedRows().stream().map(FiredRow::toString).toList();
		return new Explanation(version == null ? null : version.number(), this.engine.activeVersion().hash(),
				intent.name(), intent.confidence(), facts, rows, decision.reply(), reply, decision.quickReplies(),
				nextState, List.copyOf(decision.addTags()), decision.escalate(),
				decision.flowNote() == null ? null : decision.flowNote().toString(), decision.flows().slots(),
				experiment(decision));
	}

	private String experiment(Response decision) {
		if (decision.exposure() == null) {
			return null;
		}
		String labels = this.engine.live()
			.experiments()
			.values()
			.stream()
			.filter((experiment) -> experiment.name().equals(decision.exposure().experiment()))
			.flatMap((experiment) -> experiment.variants().stream())
			.map((variant) -> variant.label() + " (" + variant.share() + "%)")
			.collect(java.util.stream.Collectors.joining(", "));
		return decision.exposure().experiment() + ": wording " + decision.exposure().variant()
				+ " shown; customers each stick to one of " + labels;
	}

}
