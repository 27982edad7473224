package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer tapped a button: an ice breaker, a menu item or a template button.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param title the button's title (not the customer's words, so not {@link #text()})
 * @param payload the button's payload
 * @param referral the link the conversation was opened from, may be {@code null}
 */
public record PostbackTapped(Envelope envelope, String mid, String title, String payload,
		Referral referral) implements CustomerMessage {

	@Override
	public EventKind kind() {
		return EventKind.POSTBACK;
	}

}
