package dev.dmbot.server.leads;

import dev.dmbot.server.system.PermanentException;

/** A redelivery was asked for, but no CRM webhook is configured. */
class LeadsNotDeliveredException extends PermanentException {

	LeadsNotDeliveredException() {
		super("bot.leads.webhook-url is not set, so leads are stored but not delivered; "
				+ "set it (and bot.leads.webhook-secret) to deliver them", null);
	}

}
