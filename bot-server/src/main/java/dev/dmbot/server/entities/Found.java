package dev.dmbot.server.entities;

/**
 * One entity found in a message: its normalised value and where it was written.
 *
 * @param <T> the entity's value type
 * @param value the normalised value (an E.164 number, a lower-cased domain, an amount...)
 * @param start index of the first character in the original text
 * @param end index after the last character in the original text
 * @param text the original text between {@code start} and {@code end}, as the customer
 * wrote it
 */
public record Found<T>(T value, int start, int end, String text) {

	boolean overlaps(int otherStart, int otherEnd) {
		return this.start < otherEnd && otherStart < this.end;
	}

}
