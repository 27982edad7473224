package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer opened the conversation from an ad, a link or a QR code.
 *
 * @param envelope what every event carries
 * @param referral what brought them, may be {@code null} when Meta gave no fields
 */
public record ReferralReceived(Envelope envelope, Referral referral) implements CustomerMessage {

	@Override
	public EventKind kind() {
		return EventKind.REFERRAL;
	}

}
