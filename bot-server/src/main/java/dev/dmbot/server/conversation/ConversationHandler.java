package dev.dmbot.server.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.intake.EventKind;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.InboundEventHandler;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.outbound.DeliveryResult;
import dev.dmbot.server.outbound.OutboundDispatcher;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.outbound.QuickReplyOption;
import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.escalation.Escalation;
import dev.dmbot.server.flows.Completion;
import dev.dmbot.server.followups.FollowUpScheduler;
import dev.dmbot.server.flows.Flow;
import dev.dmbot.server.flows.FlowProgress;
import dev.dmbot.server.leads.Lead;
import dev.dmbot.server.leads.LeadQualified;
import dev.dmbot.server.leads.LeadService;
import dev.dmbot.server.leads.LeadSource;
import dev.dmbot.server.profile.Profile;
import dev.dmbot.server.profile.ProfileCache;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.workbook.VariantChoice;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.QuickReply;
import dev.dmbot.server.workbook.ReplyTemplate;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.system.RedisTransactions;

/**
 * The path of one event: intent, context, decision, reply. The decision and the context
 * it changes are stored in one Redis transaction before anything is sent, so a crash
 * never loses a decision or makes the bot decide twice.
 */
@Component
class ConversationHandler implements InboundEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ConversationHandler.class);

	/**
	 * Intent given to events that carry no text to classify (postbacks, story mentions,
	 * media).
	 */
	static final String NO_TEXT = DecisionRequest.NO_TEXT_INTENT;

	/**
	 * How long a sent reply waits for Redis to come back so it can be recorded as sent.
	 */
	private static final java.time.Duration AFTER_SEND_PATIENCE = java.time.Duration.ofMinutes(5);

	/**
	 * The trail's facts name the tested wording a reply carries, for it to be counted
	 * once sent.
	 */
	private static final String EXPERIMENT_FACT = "experiment";

	private static final String VARIANT_FACT = "variant";

	private final IntentClassifier classifier;

	private final LanguageDetector languages;

	private final Entities entities;

	private final ContextStore contexts;

	private final DecisionEngine rules;

	private final OutboundDispatcher outbound;

	private final ConversationLog conversationLog;

	private final ReplyLedger ledger;

	private final UnifiedJedis redis;

	private final MeterRegistry meters;

	private final ProfileCache profiles;

	private final Responder responder;

	private final LeadService leads;

	private final Clock clock;

	private final Handover handover;

	private final Guardrails guardrails;

	private final CommentReplies comments;

	private final FollowUpScheduler followUps;

	private final ReplyAttribution attribution;

	ConversationHandler(IntentClassifier classifier, ContextStore contexts, DecisionEngine rules,
			OutboundDispatcher outbound, ConversationLog conversationLog, ReplyLedger ledger, UnifiedJedis redis,
			MeterRegistry meters, ProfileCache profiles, Responder responder, LeadService leads, Clock clock,
			Handover handover, Guardrails guardrails, CommentReplies comments, FollowUpScheduler followUps,
			ReplyAttribution attribution, LanguageDetector languages, Entities entities) {
		this.languages = languages;
		this.entities = entities;
		this.handover = handover;
		this.attribution = attribution;
		this.followUps = followUps;
		this.guardrails = guardrails;
		this.comments = comments;
		this.responder = responder;
		this.leads = leads;
		this.clock = clock;
		this.classifier = classifier;
		this.contexts = contexts;
		this.rules = rules;
		this.outbound = outbound;
		this.conversationLog = conversationLog;
		this.ledger = ledger;
		this.redis = redis;
		this.meters = meters;
		this.profiles = profiles;
	}

	@Override
	public void handle(InboundEvent event) {
		if (event.kind() == EventKind.UNKNOWN) {
			this.meters.counter("bot.events.unknown").increment();
			log.info("Kept an event of a shape this version does not know: {}", abbreviate(event.raw()));
			return;
		}
		ReplyLedger.Entry pending = this.ledger.find(event);
		if (pending != null) {
			if ("decided".equals(pending.status())) {
				// Decided before a crash but not confirmed as sent: send what was
				// decided.
				deliver(event, pending.message(), pending.trail());
			}
			return;
		}
		ConversationContext context = this.contexts.load(event.accountId(), event.senderId());
		if (event.kind() == EventKind.PASS_THREAD_CONTROL || event.kind() == EventKind.TAKE_THREAD_CONTROL) {
			this.handover.threadControlChanged(event);
		}
		if (customerSpeaks(event)) {
			// Whatever the customer says, a follow-up would no longer fit it.
			this.followUps.cancel(event.accountId(), event.senderId());
			this.attribution.customerWrote(event.accountId(), event.senderId());
			Escalation paused = this.handover.pausing(event).orElse(null);
			if (paused != null) {
				// A person has the conversation: the bot keeps every message for them and
				// says nothing.
				record(event, context);
				this.handover.customerWrote(paused, event);
				return;
			}
		}
		if (event.kind() == EventKind.COMMENT) {
			// Answered privately and publicly, never in the conversation itself.
			this.comments.commented(event, context);
		}
		if (!answersAutomatically(event)) {
			record(event, context);
			return;
		}
		answer(event, context);
	}

	/**
	 * Only what the customer sends on our own channel gets an automatic answer; echoes,
	 * reads, standby do not.
	 */
	private static boolean answersAutomatically(InboundEvent event) {
		return !event.standby() && customerSpeaks(event);
	}

	/**
	 * Something the customer wrote or tapped, on our channel or, as standby, another
	 * app's.
	 */
	private static boolean customerSpeaks(InboundEvent event) {
		return switch (event.kind()) {
			case MESSAGE, QUICK_REPLY, ATTACHMENT, STORY_MENTION, STORY_REPLY, POSTBACK, REFERRAL -> true;
			default -> false;
		};
	}

	private void record(InboundEvent event, ConversationContext context) {
		ConversationContext updated = event.kind().opensWindow() ? touched(context, event, null, null, Set.of(), false)
				: context;
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, event.accountId(),
				event.senderId())) {
			if (updated != context) {
				this.contexts.save(transaction, updated);
			}
			this.conversationLog.append(transaction, event.accountId(), event.senderId(), inbound(event, null));
			transaction.exec();
		}
	}

	private void answer(InboundEvent event, ConversationContext known) {
		boolean classifies = DecisionRequest.classifies(ruleEventType(event), event.text());
		// An ice breaker's title or a story mention says nothing of the customer's
		// language.
		DetectedLanguage language = this.languages.detect(classifies ? event.text() : null, known.language(),
				event.accountId());
		ConversationContext context = withProfile(known).withLanguage(language.code());
		Intent intent = classifies ? this.classifier.classify(event.text(), language.code()) : new Intent(NO_TEXT, 0);
		this.meters.counter("bot.intents", "intent", intent.name()).increment();
		Guardrails.Turn guarded = this.guardrails.screen(event, intent.name(), language.code());
		if (guarded != null) {
			answerGuarded(event, context, intent, guarded);
			return;
		}
		ExtractedEntities found = classifies
				? this.rules.live().entitiesOf(event.text(), this.entities, language.code()) : ExtractedEntities.none();
		DecisionRequest request = new DecisionRequest(ruleEventType(event), intent.name(), intent.confidence(),
				event.text(), event.payload(), event.referralRef(), context.state(), context.tags(),
				context.inboundCount() + 1, context.attributes(), event.adId(), language.code(), found);
		// Reads the person's stored wordings only if the reply turns out to be under
		// test.
		VariantChoice wordings = this.attribution.variantsFor(event.accountId(), event.senderId());
		Response decision = this.responder.respond(this.rules, request, context.flows(), this.clock.instant(),
				wordings);
		if (decision.flowNote() != null) {
			this.meters
				.counter("bot.flows.events", "flow", decision.flowNote().flow(), "outcome",
						decision.flowNote().outcome())
				.increment();
		}
		for (FiredRow row : decision.firedRows()) {
			this.meters.counter("bot.rules.fired", "sheet", row.sheet(), "row", Integer.toString(row.row()))
				.increment();
		}
		ConversationContext updated = touched(context, event, intent, decision.nextState(), decision.addTags(),
				decision.flowNote() != null)
			.withFlows(decision.flows());
		Lead lead = recordLead(event, decision);
		ConversationContext replying = updated;
		Handover.Handed handed = this.handover
			.handOver(event, updated, intent.name(), decision, this.clock.instant(),
					(template) -> ReplyTemplate.render(template, replying.attributes(), replying.flows().slots(),
							replying.state(), intent.name(), language.code(), found))
			.orElse(null);
		if (handed != null) {
			updated = updated.withMoreTags(Set.of(Handover.ESCALATED_TAG, "team_" + handed.team()));
		}
		boolean handoverWords = handed != null && handed.message() != null;
		String replyTemplate = handoverWords ? handed.message() : decision.reply();
		List<QuickReply> buttons = handoverWords ? List.of() : decision.quickReplies();
		List<String> rows = new ArrayList<>(decision.firedRows().stream().map(FiredRow::toString).toList());
		if (handed != null && handed.escalation().trigger() != null) {
			rows.add(handed.escalation().trigger());
		}
		LogEntry trail = null;
		OutboundMessage reply = null;
		Guardrails.Outgoing guardedText = null;
		if (replyTemplate != null && !replyTemplate.isBlank()) {
			// The handover words were filled in already, for the agent to see them as
			// sent.
			guardedText = this.guardrails.prepare(event,
					handoverWords ? replyTemplate : ReplyTemplate.render(replyTemplate, updated.attributes(),
							updated.flows().slots(), updated.state(), intent.name(), language.code(), found),
					true, language.code());
		}
		if (guardedText != null) {
			String text = guardedText.text();
			List<QuickReplyOption> quickReplies = buttons.stream()
				.map(option -> new QuickReplyOption(option.title(), option.payload()))
				.toList();
			reply = new OutboundMessage(event.accountId(), event.senderId(), text, quickReplies,
					updated.lastInboundAt(), Instant.ofEpochMilli(event.receivedAt()), event.dedupKey());
			trail = new LogEntry("out", "reply", text,
					quickReplies.stream()
						.map(option -> new LogEntry.QuickReply(option.title(), option.payload()))
						.toList(),
					intent.name(), intent.confidence(), rows, updated.state(), handed != null, "pending", null,
					event.dedupKey(), facts(request, language, decision, lead, handed));
		}
		// A transaction holds a pooled connection until it is closed, not until exec().
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, event.accountId(),
				event.senderId())) {
			this.contexts.save(transaction, context, updated);
			this.conversationLog.append(transaction, event.accountId(), event.senderId(), inbound(event, intent));
			if (reply != null) {
				this.ledger.decided(transaction, event, reply, trail);
				this.attribution.decided(transaction, event.accountId(), event.senderId(),
						decision.firedRows().isEmpty() ? null : rows.get(decision.firedRows().size() - 1),
						decision.flowNote() != null ? decision.flowNote().flow() : null, exposure(decision, handed),
						this.clock.instant());
			}
			this.guardrails.record(transaction, event, null, guardedText);
			transaction.exec();
		}
		this.guardrails.recorded(null, guardedText);
		if (reply != null) {
			this.attribution.given(event.accountId(), wordings, exposure(decision, handed));
		}
		log.info("Conversation {}: {} '{}' -> language {}, intent {} ({}), rows {}, state '{}'{}{}{}",
				event.conversationId(), event.kind().ruleName(), abbreviate(event.text()), language, intent.name(),
				String.format(java.util.Locale.ROOT, "%.2f", intent.confidence()), rows, updated.state(),
				handed != null ? ", handed to " + handed.team() + " (" + handed.escalation().id() + ")" : "",
				decision.flowNote() != null ? ", flow " + decision.flowNote() : "",
				replyTemplate != null && !replyTemplate.isBlank() && guardedText == null
						? ", reply dropped by the daily cap" : "");
		if (decision.followUp() != null && handed == null && guardedText != null) {
			// A person who takes the conversation over needs no follow-up from the bot.
			this.followUps.schedule(event.accountId(), event.senderId(), decision.followUp().delay(),
					ReplyTemplate.render(decision.followUp().text(), updated.attributes(), updated.flows().slots(),
							updated.state(), intent.name(), language.code(), found),
					updated.lastInboundAt());
		}
		if (reply != null) {
			deliver(event, reply, trail);
		}
	}

	/**
	 * A turn the Guardrails sheet answers instead of the rules: an opt-out or an opt-in,
	 * confirmed once, or silence for a customer who opted out. No rule runs, so nothing
	 * automated follows: no reply, no flow question, no handover message. The message is
	 * still kept in the conversation log.
	 */
	private void answerGuarded(InboundEvent event, ConversationContext context, Intent intent, Guardrails.Turn turn) {
		FlowProgress active = context.flows().active();
		boolean leaving = turn.leavesFlow() && active != null;
		ConversationContext updated = touched(context, event, intent,
				leaving && context.state().equals(Flow.stateOf(active.flow())) ? "" : null, Set.of(), false);
		if (leaving) {
			updated = updated.withFlows(updated.flows().leave());
		}
		Guardrails.Outgoing confirmation = null;
		OutboundMessage reply = null;
		LogEntry trail = null;
		if (turn.reply() != null && !turn.reply().isBlank()) {
			confirmation = this.guardrails.prepare(event, ReplyTemplate.render(turn.reply(), updated.attributes(),
					updated.flows().slots(), updated.state(), intent.name()), false, context.language());
			reply = new OutboundMessage(event.accountId(), event.senderId(), confirmation.text(), List.of(),
					updated.lastInboundAt(), Instant.ofEpochMilli(event.receivedAt()), event.dedupKey());
			trail = new LogEntry("out", "reply", confirmation.text(), List.of(), intent.name(), intent.confidence(),
					List.of(), updated.state(), false, "pending", null, event.dedupKey(), Map.of("event",
							event.kind().ruleName(), "intent", intent.name(), "guardrail", turn.action().tag()));
		}
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, event.accountId(),
				event.senderId())) {
			this.contexts.save(transaction, context, updated);
			this.conversationLog.append(transaction, event.accountId(), event.senderId(), inbound(event, intent));
			if (reply != null) {
				this.ledger.decided(transaction, event, reply, trail);
			}
			this.guardrails.record(transaction, event, turn, confirmation);
			transaction.exec();
		}
		this.guardrails.recorded(turn, confirmation);
		log.info("Conversation {}: {} '{}' -> intent {}, guardrail {}", event.conversationId(), event.kind().ruleName(),
				abbreviate(event.text()), intent.name(), turn.action().tag());
		if (reply != null) {
			deliver(event, reply, trail);
		}
	}

	/**
	 * Stores the lead a flow completed with this event before the event counts as
	 * handled: if anything fails later the event is handled again, and recording the same
	 * flow's lead twice updates it rather than making a second one.
	 */
	private Lead recordLead(InboundEvent event, Response decision) {
		Completion completion = decision.completion();
		if (completion == null || !completion.sendLead()) {
			return null;
		}
		return this.leads.record(new LeadQualified(event.accountId(), event.senderId(), completion.slots(),
				completion.score(), completion.tags(), new LeadSource(completion.flow(), completion.startedBy()),
				Instant.ofEpochMilli(event.timestamp())));
	}

	/**
	 * Fills {@code first_name} and {@code username} from the customer's Instagram profile
	 * when the context lacks them; they are saved with the decision. Attributes already
	 * there (pushed by another system, say) win. Without a profile the context is
	 * unchanged and replies use their default text.
	 */
	private ConversationContext withProfile(ConversationContext context) {
		Map<String, String> attributes = context.attributes();
		if (!this.profiles.enabled() || (attributes.containsKey("first_name") && attributes.containsKey("username"))) {
			return context;
		}
		Profile profile = this.profiles.find(context.accountId(), context.senderId()).orElse(null);
		if (profile == null) {
			return context;
		}
		Map<String, String> merged = new LinkedHashMap<>(profile.attributes());
		merged.putAll(attributes);
		if (merged.equals(attributes)) {
			return context;
		}
		return context.withAttributes(merged);
	}

	private void deliver(InboundEvent event, OutboundMessage reply, LogEntry trail) {
		DeliveryResult result = this.outbound.deliver(reply);
		LogEntry delivered = trail.withOutcome(result.outcome().tag(), Instant.now(),
				String.join(",", result.messageIds()));
		if (result.outcome() == dev.dmbot.server.outbound.DeliveryOutcome.SENT
				&& trail.facts().containsKey(EXPERIMENT_FACT)) {
			this.attribution.sent(event.accountId(), event.senderId(),
					new Exposure(trail.facts().get(EXPERIMENT_FACT), trail.facts().get(VARIANT_FACT)));
		}
		// Meta has the reply now. If Redis is away at this moment, retrying the event
		// would send it a second
		// time, so the bookkeeping is retried on its own until Redis is back.
		long backoffMillis = 50;
		long deadline = System.nanoTime() + AFTER_SEND_PATIENCE.toNanos();
		while (true) {
			try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, event.accountId(),
					event.senderId())) {
				this.ledger.delivered(transaction, event, reply, delivered);
				this.conversationLog.append(transaction, event.accountId(), event.senderId(), delivered);
				transaction.exec();
				return;
			}
			catch (JedisException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				log.warn("Reply to {} was sent but Redis is unreachable; recording it again in {} ms",
						event.conversationId(), backoffMillis);
				sleep(backoffMillis);
				backoffMillis = Math.min(backoffMillis * 2, 2000);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param takenByFlow whether a flow took the message: its answers ("Porto", "Ana
	 * Costa") are understood whatever their intent
	 */
	private static ConversationContext touched(ConversationContext context, InboundEvent event, Intent intent,
			String nextState, Set<String> addTags, boolean takenByFlow) {
		Instant at = Instant.ofEpochMilli(event.timestamp());
		Instant lastInbound = context.lastInboundAt() == null || at.isAfter(context.lastInboundAt()) ? at
				: context.lastInboundAt();
		Set<String> tags = new LinkedHashSet<>(context.tags());
		tags.addAll(addTags);
		boolean understood = intent == null || !"unknown".equals(intent.name()) || takenByFlow;
		return new ConversationContext(context.accountId(), context.senderId(),
				context.firstSeen() == null ? at : context.firstSeen(), lastInbound,
				nextState == null ? context.state() : nextState,
				intent == null || NO_TEXT.equals(intent.name()) ? context.lastIntent() : intent.name(),
				context.inboundCount() + 1, understood ? 0 : context.unknownStreak() + 1, tags, context.attributes(),
				context.flows(), context.language());
	}

	private static LogEntry inbound(InboundEvent event, Intent intent) {
		String text = event.text() != null ? event.text()
				: event.payload() != null ? event.payload() : event.referralRef();
		return new LogEntry("in", event.kind().ruleName(), text, List.of(), intent == null ? null : intent.name(),
				intent == null ? 0 : intent.confidence(), List.of(), null, false, null,
				Instant.ofEpochMilli(event.timestamp()), event.mid(), null);
	}

	/**
	 * What the decision tables matched against, as the playground and explain show it.
	 */
	private static Map<String, String> facts(DecisionRequest request, DetectedLanguage language, Response response,
			Lead lead, Handover.Handed handed) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("event", request.eventType());
		facts.put("intent", request.intent());
		facts.put("language", language.toString());
		String entities = describe(request.entities());
		if (!entities.isEmpty()) {
			facts.put("entities", entities);
		}
		facts.put("state", request.state().isEmpty() ? "none" : request.state());
		facts.put("tags", String.join(", ", request.tags()));
		if (request.payload() != null) {
			facts.put("payload", request.payload());
		}
		if (request.referralRef() != null) {
			facts.put("referral", request.referralRef());
		}
		if (request.adId() != null) {
			facts.put("ad", request.adId());
		}
		facts.put("messages", Long.toString(request.inboundCount()));
		if (response.flowNote() != null) {
			facts.put("flow", response.flowNote().toString());
		}
		if (!response.flows().slots().isEmpty()) {
			facts.put("slots", response.flows().slots().toString());
		}
		if (lead != null) {
			facts.put("lead", lead.id() + " (score " + lead.score() + ")");
		}
		Exposure exposure = exposure(response, handed);
		if (exposure != null) {
			facts.put(EXPERIMENT_FACT, exposure.experiment());
			facts.put(VARIANT_FACT, exposure.variant());
		}
		if (handed != null) {
			facts.put("escalation", handed.escalation().id() + " to " + handed.team() + " ("
					+ handed.escalation().reason() + ", " + handed.escalation().priority() + ")");
		}
		return facts;
	}

	/**
	 * The tested wording the customer reads; none when the handover words replace the
	 * reply.
	 */
	private static Exposure exposure(Response response, Handover.Handed handed) {
		return (handed != null && handed.message() != null) ? null : response.exposure();
	}

	/**
	 * The entities of a message as the trail shows them:
	 * {@code product: sofa; email: a@b.pt}.
	 */
	static String describe(ExtractedEntities entities) {
		List<String> parts = new ArrayList<>();
		for (String kind : ExtractedEntities.KINDS) {
			for (dev.dmbot.server.entities.Found<?> found : entities.of(kind)) {
				parts.add(kind + ": " + found.text());
			}
		}
		return String.join("; ", parts);
	}

	/** The event type as analysts write it in the decision tables. */
	private static String ruleEventType(InboundEvent event) {
		return event.kind().ruleName();
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return text.length() > 80 ? text.substring(0, 77) + "..." : text;
	}

}
