package dev.dmbot.server.privacy;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data-deletion requests.
 *
 * @param publicUrl where people reach this server, such as
 * {@code https://bot.example.com}; the status URL given to Meta is
 * {@code <public-url>/privacy/deletion/<code>}. Unset, it is taken from the request
 * (behind a proxy, forward {@code X-Forwarded-*} headers)
 * @param statusRetention how long a request's status page answers after it completed
 * @param pollInterval how often each instance looks for requests still to carry out (a
 * request is carried out at once; this catches those an instance stopped in the middle
 * of) and for people erased elsewhere; 15 s by default, as nothing here waits on it and
 * an idle server should cost Redis little
 */
@ConfigurationProperties("bot.privacy")
public record PrivacyProperties(URI publicUrl, @DefaultValue("365d") Duration statusRetention,
		@DefaultValue("15s") Duration pollInterval) {

	public PrivacyProperties {
		if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null
				|| !("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme())))) {
			throw new IllegalArgumentException(
					"bot.privacy.public-url must be an absolute http(s) URL such as https://bot.example.com, but was '"
							+ publicUrl + "'");
		}
		if (statusRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"bot.privacy.status-retention must be at least 1d, but was " + statusRetention);
		}
		if (pollInterval.compareTo(Duration.ofMillis(10)) < 0) {
			throw new IllegalArgumentException(
					"bot.privacy.poll-interval must be at least 10ms, but was " + pollInterval);
		}
	}

	/** The status page of a request, on {@code base} when no public URL is set. */
	String statusUrl(String base, String code) {
		String root = (this.publicUrl != null) ? this.publicUrl.toString() : base;
		if (root.endsWith("/")) {
			root = root.substring(0, root.length() - 1);
		}
		return root + "/privacy/deletion/" + code;
	}

}
