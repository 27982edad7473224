package dev.dmbot.server.leads;

import dev.dmbot.server.system.PermanentException;

/** No lead has this id (or it outlived {@code bot.leads.retention}). */
class UnknownLeadException extends PermanentException {

	UnknownLeadException(String id) {
		super("No lead with id '" + id + "'", null);
	}

}
