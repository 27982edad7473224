package dev.dmbot.server.escalation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccessToken;
import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.system.MetaProperties;

/**
 * Meta conversation routing, when {@code bot.escalation.inbox-app-id} is set: an opened
 * escalation passes the thread to the inbox app ({@code pass_thread_control}), a closed
 * one takes it back ({@code take_thread_control}). The calls run on their own thread; a
 * failure is logged and counted and never holds up or undoes the escalation, which pauses
 * the bot either way.
 */
@Component
class ThreadControl implements DisposableBean {

	/** Who closed an escalation that Meta's Inbox gave back. */
	static final String INBOX = "inbox";

	private static final Logger log = LoggerFactory.getLogger(ThreadControl.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final EscalationProperties properties;

	private final MetaProperties meta;

	private final EscalationStore store;

	private final EscalationMetrics metrics;

	private final JsonMapper json;

	private final HttpClient http;

	private final Accounts accounts;

	private final ThreadPoolExecutor calls;

	ThreadControl(EscalationProperties properties, MetaProperties meta, Accounts accounts, EscalationStore store,
			EscalationMetrics metrics, JsonMapper json) {
		this.properties = properties;
		this.accounts = accounts;
		this.meta = meta;
		this.store = store;
		this.metrics = metrics;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
		this.calls = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), runnable -> {
			Thread thread = new Thread(runnable, "escalation-thread-control");
			thread.setDaemon(true);
			return thread;
		});
		if (properties.routesThreads() && meta.sandbox()) {
			log.info("bot.escalation.inbox-app-id is set, but in sandbox mode threads are not passed to it");
		}
		else if (properties.routesThreads()) {
			log.info("Escalated threads are passed to app {} and taken back when closed{}", properties.inboxAppId(),
					meta.appId() == null ? "; set bot.meta.app-id so a thread the Inbox passes back is recognised"
							: "");
		}
	}

	/**
	 * Whether the thread now belongs to this bot: the app is {@code bot.meta.app-id}, or,
	 * when that is unset, any app other than the inbox app.
	 */
	boolean isOurs(String appId) {
		if (appId == null || appId.isBlank()) {
			return false;
		}
		if (this.meta.appId() != null) {
			return this.meta.appId().equals(appId.strip());
		}
		return this.properties.routesThreads() && !this.properties.inboxAppId().equals(appId.strip());
	}

	/** Passes the thread to the inbox app, tagged with the escalation's reason. */
	void pass(Escalation escalation) {
		if (!routes()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipient", Map.of("id", escalation.senderId()));
		body.put("target_app_id", this.properties.inboxAppId());
		body.put("metadata",
				escalation.reason() + " (team " + escalation.team() + ", escalation " + escalation.id() + ")");
		submit("pass", escalation, body);
	}

	/** Takes the thread back, unless it was Meta's Inbox that gave it back. */
	void takeBack(StoredEscalation stored) {
		if (!routes() || INBOX.equals(stored.closedBy())) {
			return;
		}
		Escalation escalation = stored.escalation();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipient", Map.of("id", escalation.senderId()));
		body.put("metadata", "escalation " + escalation.id() + " " + escalation.status().replace('_', ' '));
		submit("take", escalation, body);
	}

	private boolean routes() {
		return this.properties.routesThreads() && !this.meta.sandbox();
	}

	private void submit(String action, Escalation escalation, Map<String, Object> body) {
		try {
			this.calls.execute(() -> call(action, escalation, body));
		}
		catch (RejectedExecutionException ex) {
			this.metrics.threadControl(action, "failed");
			log.warn("Could not {} the thread of escalation {}: too many routing calls waiting", action,
					escalation.id());
		}
	}

	/** The escalated account's token; routing is off in sandbox mode, where none is. */
	private String bearer(String accountId) {
		return this.accounts.accessTokenOf(accountId)
			.map(AccessToken::bearer)
			.orElseThrow(() -> new IllegalStateException("Account " + accountId + " has no access token"));
	}

	private void call(String action, Escalation escalation, Map<String, Object> body) {
		URI url = URI.create(this.meta.graphUrl() + "/" + escalation.accountId() + "/" + action + "_thread_control");
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(TIMEOUT)
			.header("Authorization", bearer(escalation.accountId()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
		String failure;
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				this.metrics.threadControl(action, "done");
				if ("pass".equals(action)) {
					this.store.markThreadPassed(escalation);
				}
				log.info("Thread of escalation {} {} ({} {})", escalation.id(),
						"pass".equals(action) ? "passed to app " + this.properties.inboxAppId() : "taken back", action,
						"thread control");
				return;
			}
			failure = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
		}
		catch (IOException ex) {
			failure = "no answer from Meta: " + ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = "interrupted";
		}
		catch (RuntimeException ex) {
			failure = ex.toString();
		}
		this.metrics.threadControl(action, "failed");
		log.warn(
				"Could not {} the thread of escalation {} ({}); the escalation goes on without conversation "
						+ "routing. Check that the app may control threads (Page settings > Conversation routing).",
				action, escalation.id(), failure);
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
	}

	@Override
	public void destroy() {
		this.calls.shutdownNow();
	}

}
