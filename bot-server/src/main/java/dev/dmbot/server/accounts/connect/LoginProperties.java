package dev.dmbot.server.accounts.connect;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.dmbot.server.system.MetaProperties;

/**
 * Connecting accounts with Business Login for Instagram (the Accounts page's button).
 *
 * @param instagramAppId the Instagram app id (App Dashboard → Instagram → API setup with
 * Instagram login → Business login settings); unset, the button explains what to set
 * @param instagramAppSecret the Instagram app secret from the same page; unset, it is
 * {@code bot.meta.app-secret-alt}, else {@code bot.meta.app-secret}
 * @param publicUrl where admins and Meta reach this server, such as
 * {@code https://bot.example.com}: the redirect URI is
 * {@code <public-url>/accounts/callback}. Unset, it is taken from the request
 * @param redirectUri the redirect URI itself, when it is not
 * {@code <public-url>/accounts/callback}; it must be listed exactly in the Business login
 * settings
 * @param authorizeUrl Meta's authorization window
 * @param tokenUrl where a code is exchanged for a short-lived token
 * @param subscribedFields the webhook fields each account is subscribed to: those of the
 * events the server handles (messages, echoes, edits, reactions, reads, postbacks,
 * referrals, comments)
 * @param loginTimeout how long an admin has from the button to Meta's answer
 * @param requestTimeout the time limit of one call to Meta
 */
@ConfigurationProperties("bot.accounts")
public record LoginProperties(String instagramAppId, String instagramAppSecret, URI publicUrl, URI redirectUri,
		@DefaultValue("https://www.instagram.com/oauth/authorize") URI authorizeUrl,
		@DefaultValue("https://api.instagram.com/oauth/access_token") URI tokenUrl, @DefaultValue( {
				"messages", "messaging_postbacks", "messaging_referral", "message_reactions", "messaging_seen",
				"message_edit", "comments" }) List<String> subscribedFields,
		@DefaultValue("10m") Duration loginTimeout, @DefaultValue("10s") Duration requestTimeout){

	/** The permissions the server asks for, and needs every one of. */
	public static final List<String> SCOPES = List.of("instagram_business_basic", "instagram_business_manage_messages",
			"instagram_business_manage_comments");

	/** Where Meta sends the admin back, under the public URL. */
	public static final String CALLBACK_PATH = "/accounts/callback";

	public LoginProperties {
		instagramAppId = blankToNull(instagramAppId);
		instagramAppSecret = blankToNull(instagramAppSecret);
		if (instagramAppId != null && !instagramAppId.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("bot.accounts.instagram-app-id must be the numeric Instagram app id "
					+ "from the App Dashboard, but was '" + instagramAppId + "'");
		}
		requireHttpUrl("bot.accounts.public-url", publicUrl);
		requireHttpUrl("bot.accounts.redirect-uri", redirectUri);
		requireHttpUrl("bot.accounts.authorize-url", authorizeUrl);
		requireHttpUrl("bot.accounts.token-url", tokenUrl);
		subscribedFields = (subscribedFields == null) ? List.of()
				: subscribedFields.stream().map(String::strip).filter((field) -> !field.isEmpty()).toList();
		if (subscribedFields.isEmpty()) {
			throw new IllegalArgumentException("bot.accounts.subscribed-fields must name at least one webhook field "
					+ "(such as messages), but was empty");
		}
		if (loginTimeout.compareTo(Duration.ofMinutes(1)) < 0 || loginTimeout.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"bot.accounts.login-timeout must be between 1m and 1h, but was " + loginTimeout);
		}
		if (requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException(
					"bot.accounts.request-timeout must be positive, but was " + requestTimeout);
		}
	}

	/**
	 * The secret that exchanges codes: {@code bot.accounts.instagram-app-secret}, else
	 * {@code bot.meta.app-secret-alt}, else {@code bot.meta.app-secret} unless it is the
	 * sandbox's; empty when none is set.
	 */
	String appSecret(MetaProperties meta) {
		if (this.instagramAppSecret != null) {
			return this.instagramAppSecret;
		}
		if (blankToNull(meta.appSecretAlt()) != null) {
			return meta.appSecretAlt();
		}
		return MetaProperties.SANDBOX_APP_SECRET.equals(meta.appSecret()) ? null : meta.appSecret();
	}

	/** The redirect URI, taken from {@code requestBase} when no property gives it. */
	URI redirectUri(String requestBase) {
		if (this.redirectUri != null) {
			return this.redirectUri;
		}
		String base = (this.publicUrl != null) ? this.publicUrl.toString() : requestBase;
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return URI.create(base + CALLBACK_PATH);
	}

	@Override
	public String toString() {
		// Secrets never reach logs, even through a debug dump of the configuration.
		return "LoginProperties[instagramAppId=" + this.instagramAppId + ", instagramAppSecret="
				+ (this.instagramAppSecret == null ? "unset" : "set") + ", publicUrl=" + this.publicUrl
				+ ", redirectUri=" + this.redirectUri + ", subscribedFields=" + this.subscribedFields + "]";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static void requireHttpUrl(String property, URI url) {
		if (url != null && (!url.isAbsolute() || url.getHost() == null
				|| !("https".equals(url.getScheme()) || "http".equals(url.getScheme())))) {
			throw new IllegalArgumentException(property + " must be an absolute http(s) URL, but was '" + url + "'");
		}
	}

}
