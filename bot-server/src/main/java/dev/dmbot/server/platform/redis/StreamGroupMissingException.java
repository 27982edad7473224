package dev.dmbot.server.platform.redis;

import dev.dmbot.server.system.TransientException;

/**
 * A stream's consumer group is gone ({@code NOGROUP}): a Redis without persistence
 * restarted and lost the stream. Transient, once the reader creates the group again.
 */
public class StreamGroupMissingException extends TransientException {

	StreamGroupMissingException(String message, Throwable cause) {
		super(message, cause);
	}

}
