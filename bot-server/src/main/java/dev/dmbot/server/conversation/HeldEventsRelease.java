package dev.dmbot.server.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.dmbot.server.accounts.AccountReconnected;
import dev.dmbot.server.intake.HeldEvents;

/**
 * When an account is connected again, moves what it received while disconnected back into
 * the intake, so that the turn answers what Meta's windows still allow (the rest is
 * counted as {@code bot.replies{outcome="window_closed"}}). It lives here because the
 * accounts know nothing of the intake.
 */
@Component
class HeldEventsRelease {

	private static final Logger log = LoggerFactory.getLogger(HeldEventsRelease.class);

	private final HeldEvents events;

	HeldEventsRelease(HeldEvents events) {
		this.events = events;
	}

	@EventListener
	void reconnected(AccountReconnected reconnected) {
		try {
			long moved = this.events.release(reconnected.accountId());
			if (moved > 0) {
				log.info("{} event(s) Instagram account {} received while disconnected are answered now", moved,
						reconnected.accountId());
			}
		}
		catch (RuntimeException ex) {
			// Still held: moved at the next reconnection signal or re-read.
			log.warn("The events held for Instagram account {} were not moved back yet: {}", reconnected.accountId(),
					ex.getMessage());
		}
	}

}
