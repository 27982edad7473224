package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer tapped one of the quick replies the bot offered.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param text the title of the quick reply
 * @param payload the quick reply's payload
 * @param referral the ad the message came from, may be {@code null}
 */
public record QuickReplyTapped(Envelope envelope, String mid, String text, String payload,
		Referral referral) implements CustomerMessage {

	@Override
	public EventKind kind() {
		return EventKind.QUICK_REPLY;
	}

}
