package dev.dmbot.server.leads;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where qualified leads go and how hard the server tries.
 *
 * @param webhookUrl the CRM endpoint leads are POSTed to; unset means leads are only
 * stored
 * @param webhookSecret the HMAC-SHA256 key of the {@code X-Dmbot-Signature-256} header;
 * required with a URL, never logged
 * @param maxAttempts tries per delivery before the lead is dead-lettered
 * @param initialBackoff wait before the first retry; doubled each time, with jitter
 * @param maxBackoff longest wait between two tries (a longer {@code Retry-After} is
 * honoured)
 * @param requestTimeout how long one call to the CRM may take
 * @param retention how long a lead is kept in Redis
 * @param pollInterval how often each instance looks for deliveries that are due
 */
@ConfigurationProperties("bot.leads")
public record LeadsProperties(URI webhookUrl, String webhookSecret, @DefaultValue("6") int maxAttempts,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("365d") Duration retention,
		@DefaultValue("1s") Duration pollInterval) {

	public LeadsProperties {
		if (webhookUrl != null && webhookUrl.toString().isBlank()) {
			webhookUrl = null;
		}
		if (webhookUrl != null) {
			String scheme = webhookUrl.getScheme();
			if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || webhookUrl.getHost() == null) {
				throw new IllegalArgumentException("bot.leads.webhook-url must be an absolute http(s) URL, but was '"
						+ redacted(webhookUrl) + "'");
			}
			if (webhookSecret == null || webhookSecret.isBlank()) {
				throw new IllegalArgumentException(
						"bot.leads.webhook-secret is required when bot.leads.webhook-url is set ("
								+ redacted(webhookUrl) + "): the CRM checks the signature made with it");
			}
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("bot.leads.max-attempts must be at least 1, but was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("bot.leads.initial-backoff must be positive and not above max-backoff, "
					+ "but was " + initialBackoff + " with max-backoff " + maxBackoff);
		}
		requirePositive(requestTimeout, "request-timeout");
		requirePositive(retention, "retention");
		requirePositive(pollInterval, "poll-interval");
	}

	/** Whether leads are delivered at all. */
	public boolean delivers() {
		return this.webhookUrl != null;
	}

	/**
	 * Scheme, host and port only: a CRM URL often carries a token in its path or query.
	 */
	static String redacted(URI url) {
		if (url == null) {
			return "(none)";
		}
		return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + "/…";
	}

	@Override
	public String toString() {
		return "LeadsProperties[webhookUrl=" + redacted(this.webhookUrl) + ", webhookSecret="
				+ (this.webhookSecret == null ? "(none)" : "(hidden)") + ", maxAttempts=" + this.maxAttempts
				+ ", initialBackoff=" + this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", requestTimeout="
				+ this.requestTimeout + ", retention=" + this.retention + ", pollInterval=" + this.pollInterval + "]";
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("bot.leads." + name + " must be positive, but was " + value);
		}
	}

}
