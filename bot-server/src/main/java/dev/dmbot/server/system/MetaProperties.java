package dev.dmbot.server.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection to Meta's Instagram platform.
 *
 * @param appSecret signs webhook deliveries ({@code X-Hub-Signature-256}); in sandbox
 * mode a documented default
 * @param appSecretAlt a second accepted secret, because Instagram-Login apps may sign
 * with the Instagram app secret
 * @param verifyToken the token typed into the App Dashboard for the GET handshake
 * @param accessToken the Instagram user access token; unset means sandbox mode: replies
 * are recorded, not sent
 * @param accountId the Instagram professional account id replies are sent from
 * @param graphUrl the Graph API base, version included
 * @param appId this bot's Meta app id; conversation routing hands an escalation back when
 * Meta's Inbox passes the thread to it
 */
@ConfigurationProperties("bot.meta")
public record MetaProperties(String appSecret, String appSecretAlt, String verifyToken, String accessToken,
		String accountId, @DefaultValue("https://graph.instagram.com/v25.0") URI graphUrl, String appId) {

	/**
	 * Used only in sandbox mode so a newcomer can sign test events; documented in the
	 * README.
	 */
	public static final String SANDBOX_APP_SECRET = "sandbox-app-secret";

	public static final String SANDBOX_VERIFY_TOKEN = "sandbox-verify-token";

	public static final String SANDBOX_ACCOUNT_ID = "17841400000000000";

	@ConstructorBinding
	public MetaProperties {
		boolean sandbox = isBlank(accessToken);
		if (!sandbox && isBlank(appSecret)) {
			throw new IllegalArgumentException(
					"bot.meta.app-secret is required when bot.meta.access-token is set: without it no webhook "
							+ "delivery can be verified. Copy it from App settings > Basic in the Meta App Dashboard.");
		}
		if (!sandbox && isBlank(accountId)) {
			throw new IllegalArgumentException("bot.meta.account-id is required when bot.meta.access-token is set: "
					+ "it is the Instagram professional account id replies are sent from.");
		}
		if (graphUrl == null || !graphUrl.isAbsolute()) {
			throw new IllegalArgumentException(
					"bot.meta.graph-url must be an absolute URL, but was '" + graphUrl + "'");
		}
		appSecret = isBlank(appSecret) ? SANDBOX_APP_SECRET : appSecret;
		verifyToken = isBlank(verifyToken) ? (sandbox ? SANDBOX_VERIFY_TOKEN : null) : verifyToken;
		accountId = isBlank(accountId) ? SANDBOX_ACCOUNT_ID : accountId;
		appId = isBlank(appId) ? null : appId.strip();
		if (appId != null && !appId.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException(
					"bot.meta.app-id must be the app's numeric id from the App Dashboard, but was '" + appId + "'");
		}
	}

	/** Without an app id: settings written before conversation routing existed. */
	public MetaProperties(String appSecret, String appSecretAlt, String verifyToken, String accessToken,
			String accountId, URI graphUrl) {
		this(appSecret, appSecretAlt, verifyToken, accessToken, accountId, graphUrl, null);
	}

	public boolean sandbox() {
		return isBlank(this.accessToken);
	}

	@Override
	public String toString() {
		// Secrets never reach logs, even through a debug dump of the configuration.
		return "MetaProperties[accountId=" + this.accountId + ", graphUrl=" + this.graphUrl + ", appId=" + this.appId
				+ ", sandbox=" + sandbox() + "]";
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
