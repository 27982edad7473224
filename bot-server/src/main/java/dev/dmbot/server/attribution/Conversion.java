package dev.dmbot.server.attribution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recorded conversion and what it is credited to.
 *
 * @param recordedAt when this server recorded it
 */
public record Conversion(String id, String accountId, String senderId, String type, BigDecimal value, String currency,
		Instant occurredAt, Instant recordedAt, Attribution attribution) {
}
