package dev.dmbot.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.accounts.activity.AccountActivity;
import dev.dmbot.server.intake.EventStream;
import dev.dmbot.server.platform.events.EventKind;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.IntakeProperties;
import dev.dmbot.server.intake.StorageUnavailableException;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.MetaSignature;
import dev.dmbot.server.system.TransientException;

/**
 * Meta's webhook: the GET handshake and the POST deliveries. A delivery is answered 200
 * only once every event in it is stored in Redis; the work itself happens later, in the
 * intake workers.
 */
@RestController
@RequestMapping("/webhook")
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final SignatureVerifier signatures;

	private final WebhookPayloadParser parser;

	private final EventStream stream;

	private final MetaProperties meta;

	private final MeterRegistry meters;

	private final Clock clock;

	private final IntakeProperties intake;

	private final Accounts accounts;

	private final AccountActivity activity;

	/**
	 * The account ids whose events were dropped lately, so a misrouted webhook logs its
	 * warning once an hour per account rather than once per delivery.
	 */
	private final Cache<String, Boolean> unknownAccountsLogged = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(1))
		.maximumSize(1000)
		.build();

	/**
	 * The counter of stored events per event type, looked up once rather than per
	 * delivery (and registered on first use, as before).
	 */
	private final Map<EventKind, Counter> stored = new ConcurrentHashMap<>();

	WebhookController(SignatureVerifier signatures, WebhookPayloadParser parser, EventStream stream,
			MetaProperties meta, MeterRegistry meters, Clock clock, IntakeProperties intake, Accounts accounts,
			AccountActivity activity) {
		this.intake = intake;
		this.accounts = accounts;
		this.activity = activity;
		this.signatures = signatures;
		this.parser = parser;
		this.stream = stream;
		this.meta = meta;
		this.meters = meters;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		if ("subscribe".equals(mode) && this.meta.verifyToken() != null && challenge != null
				&& Objects.equals(this.meta.verifyToken(), token)) {
			return ResponseEntity.ok(challenge);
		}
		log.warn("Webhook verification refused: the hub.verify_token does not match bot.meta.verify-token");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body("verify token mismatch");
	}

	@PostMapping
	ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
		long receivedAt = this.clock.millis();
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "oversized", "The body is larger than 1 MiB");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "oversized", "The body is larger than 1 MiB");
		}
		if (!this.signatures.isValid(body, request.getHeader(MetaSignature.HEADER))) {
			return reject(HttpStatus.UNAUTHORIZED, "bad_signature", "Missing or wrong " + MetaSignature.HEADER
					+ " header: it must be sha256=HMAC-SHA256(app secret, raw body)");
		}
		List<InboundEvent> events;
		try {
			events = this.parser.parse(body, receivedAt);
		}
		catch (MalformedPayloadException ex) {
			return reject(HttpStatus.BAD_REQUEST, "malformed", ex.getMessage());
		}
		events = withoutStale(servedOnly(events), receivedAt);
		try {
			this.stream.append(events);
		}
		catch (StorageUnavailableException ex) {
			log.warn("Webhook delivery of {} events answered 503 so Meta retries it: {}", events.size(),
					ex.getMessage());
			return reject(HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
					"Events could not be stored; deliver again later");
		}
		String lastAccount = null;
		for (InboundEvent event : events) {
			String account = event.accountId();
			if (account != null && !account.isBlank() && !account.equals(lastAccount)) {
				this.activity.received(account);
				lastAccount = account;
			}
			this.stored
				.computeIfAbsent(event.kind(),
						(kind) -> this.meters.counter("bot.webhook.events", "type", kind.ruleName(), "outcome",
								"stored"))
				.increment();
		}
		// Written out rather than through the JSON mapper: this answer goes back to Meta
		// for every delivery, and nothing in it needs escaping.
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"EVENT_RECEIVED\",\"events\":\"" + events.size() + "\"}");
	}

	/**
	 * Drops the events of accounts this server does not serve: answering them would send
	 * with another account's token, and storing them would keep what nobody answers. They
	 * are acknowledged all the same (a 5xx only makes Meta deliver them again) and
	 * counted. An event without an account id is kept, as an unknown shape is.
	 */
	private List<InboundEvent> servedOnly(List<InboundEvent> events) {
		List<InboundEvent> served = new java.util.ArrayList<>(events.size());
		for (InboundEvent event : events) {
			String account = event.accountId();
			if (account == null || account.isBlank() || served(account)) {
				served.add(event);
				continue;
			}
			this.meters.counter("bot.webhook.events", "type", event.kind().ruleName(), "outcome", "unknown_account")
				.increment();
			if (this.unknownAccountsLogged.asMap().putIfAbsent(account, Boolean.TRUE) == null) {
				log.warn("Dropped webhook events for Instagram account {}, which this server does not serve "
						+ "(it serves {}). If they are yours, connect that account or set bot.meta.account-id to it; "
						+ "otherwise remove this server's callback URL from that app's webhook settings. "
						+ "Counted as bot.webhook.events{outcome=\"unknown_account\"}; logged once an hour per account.",
						account, this.accounts.all().stream().map((a) -> a.id()).toList());
			}
		}
		return served;
	}

	private boolean served(String account) {
		try {
			return this.accounts.find(account).isPresent();
		}
		catch (TransientException ex) {
			// Not known now: kept, so nothing is lost; storing it needs Redis too, and
			// a 503 makes Meta deliver it again if Redis is away.
			return true;
		}
	}

	/**
	 * Drops DM events older than {@code bot.intake.max-event-age}: Meta stops
	 * redelivering long before, so such an event is a replay of a captured body. Comments
	 * keep their own age rule (a private reply within 7 days).
	 */
	private List<InboundEvent> withoutStale(List<InboundEvent> events, long receivedAt) {
		long oldest = receivedAt - this.intake.maxEventAge().toMillis();
		List<InboundEvent> fresh = new java.util.ArrayList<>(events.size());
		for (InboundEvent event : events) {
			if (event.kind().opensWindow() && event.timestamp() > 0 && event.timestamp() < oldest) {
				this.meters.counter("bot.webhook.events", "type", event.kind().ruleName(), "outcome", "stale")
					.increment();
				log.warn(
						"Dropped a {} event of {} stamped {}: older than bot.intake.max-event-age ({}), "
								+ "so a replay rather than a delivery",
						event.kind().ruleName(), event.conversationId(),
						java.time.Instant.ofEpochMilli(event.timestamp()), this.intake.maxEventAge());
				continue;
			}
			fresh.add(event);
		}
		return fresh;
	}

	private ResponseEntity<Map<String, String>> reject(HttpStatus status, String outcome, String message) {
		this.meters.counter("bot.webhook.events", "type", "delivery", "outcome", outcome).increment();
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
