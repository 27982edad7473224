package dev.dmbot.server.accounts.connect;

import org.springframework.http.HttpStatus;

/**
 * The ways a login can end without a connected account, each with what the admin should
 * do next. The page shows {@link #headline}, the details of the case, then
 * {@link #whatToDo}.
 */
public enum LoginFailure {

	/** The account owner pressed Cancel (or refused a permission) in Meta's window. */
	DENIED(HttpStatus.BAD_REQUEST, "The Instagram login was cancelled: access was not allowed.",
			"Press \"Connect an Instagram account\" again and choose Allow; the bot needs every permission it asks for."),

	/** No such state: forged, already used, or expired. */
	STATE_REFUSED(HttpStatus.BAD_REQUEST,
			"This login link is not valid any more: it was already used, it expired, or it did not start on this server.",
			"Start again from the Accounts page and finish the login within the time allowed "
					+ "(bot.accounts.login-timeout)."),

	/** The state is known, but the browser is not the one that started the login. */
	OTHER_BROWSER(HttpStatus.BAD_REQUEST,
			"This login was started in another browser, or this browser did not keep the login's cookie.",
			"Start again from the Accounts page in this browser, opened at this server's public address "
					+ "(bot.accounts.public-url)."),

	/**
	 * Meta refused the authorization code: expired, already used, or a redirect URI
	 * mismatch.
	 */
	CODE_REFUSED(HttpStatus.BAD_REQUEST, "Meta refused the authorization code.",
			"Start again from the Accounts page: a code is valid once, for a short time. If it keeps failing, check "
					+ "that the redirect URI below is listed exactly in the App Dashboard (Instagram → API setup with "
					+ "Instagram login → Business login settings) and that bot.accounts.instagram-app-id and the "
					+ "Instagram app secret are that app's."),

	/** A permission the bot needs was not granted. */
	PERMISSION_MISSING(HttpStatus.FORBIDDEN, "The account did not grant every permission the bot needs.",
			"Connect again and leave every permission ticked. While the Meta app is in development mode, the "
					+ "Instagram account must also have a role on the app (App Dashboard → App roles)."),

	/** Meta did not confirm the webhook subscription. */
	SUBSCRIPTION_NOT_CONFIRMED(HttpStatus.BAD_GATEWAY,
			"Meta did not confirm the account's webhook subscription, so its messages would not reach the bot.",
			"Check the app's webhook in the App Dashboard (Instagram → API setup with Instagram login → Configure "
					+ "webhooks: Callback URL https://<this server>/webhook, verify token bot.meta.verify-token, and "
					+ "the fields below ticked), then connect again."),

	/** Meta answered an error for another reason. */
	META_REFUSED(HttpStatus.BAD_GATEWAY, "Meta refused a step of the login.",
			"Check bot.accounts.instagram-app-id and the Instagram app secret against the App Dashboard, then "
					+ "connect again."),

	/** Meta did not answer, or answered 5xx or 429. */
	META_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "Meta did not answer the login in time, or answered with a server error.",
			"Nothing was stored. Try again in a few minutes."),

	/** The server is missing a setting (app id, secret, encryption key). */
	NOT_CONFIGURED(HttpStatus.CONFLICT, "This server is not set up to connect accounts yet.",
			"Set what the details name, restart the server, and connect again."),

	/** Something this server did not expect; its log says what. */
	SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "The login failed on this server.",
			"Nothing was stored. Look for \"An account login failed\" in the server's log, then connect again."),

	/** Redis could not be reached. */
	STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The account could not be stored: Redis is unreachable.",
			"Nothing was stored. Try again once Redis is back.");

	private final HttpStatus status;

	private final String headline;

	private final String whatToDo;

	LoginFailure(HttpStatus status, String headline, String whatToDo) {
		this.status = status;
		this.headline = headline;
		this.whatToDo = whatToDo;
	}

	/** The HTTP status of the page that reports it. */
	public HttpStatus status() {
		return this.status;
	}

	/** What happened, in one sentence. */
	public String headline() {
		return this.headline;
	}

	/** What the admin should do next. */
	public String whatToDo() {
		return this.whatToDo;
	}

	/** The failure with the details of this case. */
	LoginFailedException because(String details) {
		return new LoginFailedException(this, details);
	}

}
