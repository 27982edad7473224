package dev.dmbot.server.escalation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.dmbot.server.access.Caller;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.outbound.ReplyWindow;

/**
 * The agent API: the queue, one conversation with the bot's trail, claim, reply, note,
 * resolve, hand back, and the live stream. Needs an AGENT or ADMIN token; a token bound
 * to accounts sees only their escalations, and another account's escalation answers 404.
 */
@RestController
@RequestMapping("/api/escalations")
@Tag(name = "Escalations", description = "Conversations handed to people: the agent inbox API")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An AGENT or ADMIN token from POST /api/admin/tokens")
@SecurityRequirement(name = "bearer")
class EscalationController {

	private final EscalationService escalations;

	private final EscalationStream stream;

	private final CustomerMessages messages;

	private final Clock clock;

	EscalationController(EscalationService escalations, EscalationStream stream, CustomerMessages messages,
			Clock clock) {
		this.escalations = escalations;
		this.stream = stream;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The queue",
			description = "Open escalations (waiting or claimed) by priority (urgent, high, normal, low), then "
					+ "oldest first; with another status, the most recent first.")
	List<EscalationSummary> list(@Parameter(description = "Only this team") @RequestParam(required = false) String team,
			@Parameter(description = "urgent, high, normal or low") @RequestParam(required = false) String priority,
			@Parameter(description = "open (default), unclaimed, claimed, resolved, handed_back, timed_out, "
					+ "closed or all") @RequestParam(required = false) String status,
			@Parameter(description = "At most this many (1-1000)") @RequestParam(
					defaultValue = "" + EscalationFilter.DEFAULT_LIMIT) int limit,
			Authentication authentication) {
		EscalationFilter filter = new EscalationFilter(team, priority, status, limit);
		Instant now = this.clock.instant();
		return this.escalations.list(agent(authentication), filter)
			.stream()
			.map(stored -> EscalationSummary.of(stored, this.messages.last(stored), now))
			.toList();
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live events",
			description = "Server-sent events: 'escalation' (opened or changed; JSON like a queue entry plus "
					+ "'change') and 'message' (the customer wrote, or an agent replied or noted; JSON with "
					+ "escalationId, accountId, senderId, direction, kind, text, at, agent). A comment every 15 "
					+ "seconds keeps the stream open; it ends after 30 minutes, reconnect then.")
	SseEmitter stream(Authentication authentication) {
		return this.stream.open(agent(authentication));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One escalation with the whole conversation",
			description = "The conversation oldest first, each bot reply with its trail (rows fired, intent, facts), "
					+ "agent replies (kind agent) and notes (kind note); the lead's slots; the notes; how an "
					+ "agent may reply now.")
	EscalationDetail get(@PathVariable String id, Authentication authentication) {
		StoredEscalation stored = this.escalations.get(agent(authentication), id);
		Escalation escalation = stored.escalation();
		ConversationContext context = this.escalations.context(escalation);
		Map<String, String> slots = new LinkedHashMap<>(escalation.slots());
		slots.putAll(context.flows().slots());
		Instant now = this.clock.instant();
		return new EscalationDetail(EscalationSummary.of(stored, this.messages.last(stored), now),
				stored.customerMessage(), escalation.idleTimeout().toString(), escalation.sla().toString(), slots,
				context.tags(), context.attributes(), context.lastInboundAt(),
				ReplyWindow.forAgent(context.lastInboundAt(), now).tag(), this.escalations.conversation(escalation),
				this.escalations.notes(escalation));
	}

	@PostMapping("/{id}/claim")
	@Operation(summary = "Claim or assign",
			description = "Takes the escalation for the calling agent, or for {\"assignee\": \"name\"}.")
	EscalationSummary claim(@PathVariable String id, @RequestBody(required = false) ClaimRequest request,
			Authentication authentication) {
		return summary(this.escalations.claim(agent(authentication), id, request == null ? null : request.assignee()));
	}

	@PostMapping("/{id}/replies")
	@Operation(summary = "Reply to the customer",
			description = "Sent through the Send API: within 24 hours of the customer's last message as a normal "
					+ "reply, from 24 hours to 7 days with the HUMAN_AGENT tag; later 409. Claims an unclaimed "
					+ "escalation for the agent.")
	ResponseEntity<AgentReply> reply(@PathVariable String id, @RequestBody TextRequest request,
			Authentication authentication) {
		AgentReply reply = this.escalations.reply(agent(authentication), id, request.text());
		return ResponseEntity.created(URI.create("/api/escalations/" + id)).body(reply);
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "Add an internal note", description = "Shown to agents only, never sent.")
	ResponseEntity<Note> note(@PathVariable String id, @RequestBody TextRequest request,
			Authentication authentication) {
		Note note = this.escalations.note(agent(authentication), id, request.text());
		return ResponseEntity.created(URI.create("/api/escalations/" + id)).body(note);
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Resolve", description = "Closes it; the bot answers the customer's next message again.")
	EscalationSummary resolve(@PathVariable String id, Authentication authentication) {
		return summary(this.escalations.resolve(agent(authentication), id));
	}

	@PostMapping("/{id}/handback")
	@Operation(summary = "Hand back to the bot",
			description = "Closes it without resolving; the bot answers the customer's next message again.")
	EscalationSummary handBack(@PathVariable String id, Authentication authentication) {
		return summary(this.escalations.handBack(agent(authentication), id));
	}

	private EscalationSummary summary(StoredEscalation stored) {
		return EscalationSummary.of(stored, this.messages.last(stored), this.clock.instant());
	}

	private static Agent agent(Authentication authentication) {
		Caller caller = Caller.of(authentication);
		return new Agent(caller.name(), caller.accounts());
	}

	/** The body of a reply or a note. */
	record TextRequest(String text) {
	}

	/** The optional body of a claim: who takes it (default: the calling agent). */
	record ClaimRequest(String assignee) {
	}

}
