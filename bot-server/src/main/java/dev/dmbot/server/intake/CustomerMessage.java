package dev.dmbot.server.intake;

/**
 * Something the customer wrote or tapped in the conversation: it opens or renews Meta's
 * 24-hour messaging window
 * ({@link dev.dmbot.server.platform.events.EventKind#opensWindow()}) and is what the bot
 * answers.
 */
public sealed interface CustomerMessage extends InboundEvent permits MessageReceived, QuickReplyTapped,
		AttachmentReceived, StoryMentioned, StoryReplied, PostbackTapped, ReferralReceived {

	/** The ad or link that brought the customer, {@code null} when none. */
	Referral referral();

	/** The payload of the button tapped, {@code null} unless a button was tapped. */
	default String payload() {
		return null;
	}

	/**
	 * The {@code ref} of the ad or link that brought the customer, may be {@code null}.
	 */
	default String referralRef() {
		return (referral() != null) ? referral().ref() : null;
	}

	/** The click-to-Direct ad the customer came from, may be {@code null}. */
	default String adId() {
		return (referral() != null) ? referral().adId() : null;
	}

}
