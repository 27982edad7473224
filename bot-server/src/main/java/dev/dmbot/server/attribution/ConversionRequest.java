package dev.dmbot.server.attribution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion as a shop, booking system or CRM reports it to {@code POST
 * /api/conversions}.
 *
 * @param id the reporting system's own id for it (an order number): a conversion sent
 * again with the same id is recorded once
 * @param accountId the Instagram account the customer wrote to
 * @param senderId the customer's Instagram-scoped id, as in leads and escalations
 * @param type what happened, e.g. {@code order} or {@code booking}
 * @param value what it was worth, may be {@code null}
 * @param currency the ISO 4217 code of {@code value}, e.g. {@code EUR}
 * @param occurredAt when it happened; {@code null} for now
 */
public record ConversionRequest(String id, String accountId, String senderId, String type, BigDecimal value,
		String currency, Instant occurredAt) {
}
