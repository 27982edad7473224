package dev.dmbot.server.entities;

import java.math.BigDecimal;

/**
 * An amount of money as a customer stated it.
 * <p>
 * A range ("10-15k") keeps its lower end in {@code amount} and its upper end in
 * {@code max}. A bound ("under 5000", "more than 2k") and a hedge ("around 15k") keep the
 * stated figure in {@code amount} and set {@code approximate}.
 *
 * @param amount the amount, or the lower end of a range; never negative
 * @param currency ISO 4217 code: the one written, or the parser's default
 * @param max the upper end of a range, {@code null} when a single amount was stated
 * @param approximate whether the customer hedged ("around", "cerca de", "unos", "under",
 * "até"...)
 */
public record Money(BigDecimal amount, String currency, BigDecimal max, boolean approximate) {

	/** Whether this is a range with a distinct upper end. */
	public boolean isRange() {
		return this.max != null;
	}

}
