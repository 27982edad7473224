package dev.dmbot.server.intake;

/** What a webhook event is about, after the many shapes Meta sends are told apart. */
public enum EventKind {

	MESSAGE, QUICK_REPLY, ATTACHMENT, STORY_MENTION, STORY_REPLY, POSTBACK, REFERRAL, ECHO, DELETED, UNSUPPORTED, EDIT,
	REACTION, UNREACTION, READ, PASS_THREAD_CONTROL, TAKE_THREAD_CONTROL, REQUEST_THREAD_CONTROL, COMMENT, MENTION,
	UNKNOWN;

	/**
	 * Events written by the customer that open or renew Meta's 24-hour messaging window.
	 */
	public boolean opensWindow() {
		return switch (this) {
			case MESSAGE, QUICK_REPLY, ATTACHMENT, STORY_MENTION, STORY_REPLY, POSTBACK, REFERRAL -> true;
			default -> false;
		};
	}

	/** The lower-case name analysts use in the decision tables. */
	public String ruleName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
