package dev.dmbot.server.escalation;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How conversations are handed to people.
 *
 * @param notifyUrl a Slack-compatible incoming webhook each new escalation is POSTed to
 * as {@code {"text": "..."}}; unset means no notifications. Its path usually holds a
 * secret, so only its scheme and host are ever logged
 * @param idleTimeout automation resumes after this long without a message from either
 * side, unless the Escalations sheet row says otherwise
 * @param sla an escalation without an agent reply this long after it opened is notified
 * again, unless the sheet row says otherwise
 * @param inboxAppId the app that gets the thread while a person handles it (Meta
 * conversation routing), such as {@code 1217981644879628} for the Instagram Inbox; unset
 * means the thread is not passed
 * @param inboxUrl where agents reach this server, such as
 * {@code https://bot.example.com}; notifications link to {@code <inbox-url>/inbox/#<id>},
 * or to {@code /inbox/#<id>} when unset
 * @param notifyMaxAttempts tries per notification before it is dead-lettered
 * @param notifyInitialBackoff wait before the first retry; doubled each time, with jitter
 * @param notifyMaxBackoff longest wait between two tries (a longer {@code Retry-After} is
 * honoured)
 * @param notifyTimeout how long one call to the webhook may take
 * @param pollInterval how often each instance looks for notifications that are due
 * @param retention how long a closed escalation is kept in Redis
 */
@ConfigurationProperties("bot.escalation")
public record EscalationProperties(URI notifyUrl, @DefaultValue("48h") Duration idleTimeout,
		@DefaultValue("4h") Duration sla, String inboxAppId, URI inboxUrl, @DefaultValue("8") int notifyMaxAttempts,
		@DefaultValue("2s") Duration notifyInitialBackoff, @DefaultValue("10m") Duration notifyMaxBackoff,
		@DefaultValue("10s") Duration notifyTimeout, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("90d") Duration retention) {

	public EscalationProperties {
		if (notifyUrl != null && notifyUrl.toString().isBlank()) {
			notifyUrl = null;
		}
		if (notifyUrl != null && !isHttp(notifyUrl)) {
			throw new IllegalArgumentException(
					"bot.escalation.notify-url must be an absolute http(s) URL, but was '" + redacted(notifyUrl) + "'");
		}
		if (inboxUrl != null && inboxUrl.toString().isBlank()) {
			inboxUrl = null;
		}
		if (inboxUrl != null && !isHttp(inboxUrl)) {
			throw new IllegalArgumentException("bot.escalation.inbox-url must be an absolute http(s) URL such as "
					+ "https://bot.example.com, but was '" + inboxUrl + "'");
		}
		inboxAppId = inboxAppId == null || inboxAppId.isBlank() ? null : inboxAppId.strip();
		if (inboxAppId != null && !inboxAppId.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("bot.escalation.inbox-app-id must be a Meta app id (digits only), "
					+ "such as 1217981644879628 for the Instagram Inbox, but was '" + inboxAppId + "'");
		}
		requirePositive(idleTimeout, "idle-timeout");
		requirePositive(sla, "sla");
		if (notifyMaxAttempts < 1) {
			throw new IllegalArgumentException(
					"bot.escalation.notify-max-attempts must be at least 1, but was " + notifyMaxAttempts);
		}
		requirePositive(notifyInitialBackoff, "notify-initial-backoff");
		requirePositive(notifyMaxBackoff, "notify-max-backoff");
		if (notifyMaxBackoff.compareTo(notifyInitialBackoff) < 0) {
			throw new IllegalArgumentException(
					"bot.escalation.notify-initial-backoff must not be above " + "notify-max-backoff, but was "
							+ notifyInitialBackoff + " with notify-max-backoff " + notifyMaxBackoff);
		}
		requirePositive(notifyTimeout, "notify-timeout");
		requirePositive(pollInterval, "poll-interval");
		requirePositive(retention, "retention");
	}

	/** Whether new escalations are posted to a webhook. */
	public boolean notifies() {
		return this.notifyUrl != null;
	}

	/** Whether threads are passed to an inbox app through Meta conversation routing. */
	public boolean routesThreads() {
		return this.inboxAppId != null;
	}

	/** The link to one escalation in the agent inbox. */
	String inboxLink(String id) {
		String base = this.inboxUrl == null ? "" : this.inboxUrl.toString().replaceAll("/+$", "");
		return base + "/inbox/#" + id;
	}

	/**
	 * Scheme, host and port only: an incoming-webhook URL carries its secret in the path.
	 */
	static String redacted(URI url) {
		if (url == null) {
			return "(none)";
		}
		return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + "/…";
	}

	@Override
	public String toString() {
		return "EscalationProperties[notifyUrl=" + redacted(this.notifyUrl) + ", idleTimeout=" + this.idleTimeout
				+ ", sla=" + this.sla + ", inboxAppId=" + this.inboxAppId + ", inboxUrl=" + this.inboxUrl
				+ ", notifyMaxAttempts=" + this.notifyMaxAttempts + ", notifyInitialBackoff="
				+ this.notifyInitialBackoff + ", notifyMaxBackoff=" + this.notifyMaxBackoff + ", notifyTimeout="
				+ this.notifyTimeout + ", pollInterval=" + this.pollInterval + ", retention=" + this.retention + "]";
	}

	private static boolean isHttp(URI url) {
		String scheme = url.getScheme();
		return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && url.getHost() != null;
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("bot.escalation." + name + " must be positive, but was " + value);
		}
	}

}
