package dev.dmbot.server.entities;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking a customer's answer: either a value, or the reason it was
 * refused, worded so that a flow can show it to the customer or log it.
 *
 * @param <T> the value type
 * @param value the accepted value, {@code null} when refused
 * @param reason why the answer was refused, {@code null} when accepted
 */
public record Validation<T>(T value, String reason) {

	public Validation {
		if ((value == null) == (reason == null)) {
			throw new IllegalArgumentException(
					"exactly one of value and reason must be set, got " + value + " and " + reason);
		}
	}

	/** An accepted answer. */
	public static <T> Validation<T> accepted(T value) {
		return new Validation<>(Objects.requireNonNull(value, "value"), null);
	}

	/** A refused answer and why. */
	public static <T> Validation<T> rejected(String reason) {
		return new Validation<>(null, Objects.requireNonNull(reason, "reason"));
	}

	public boolean isValid() {
		return this.value != null;
	}

	public Optional<T> toOptional() {
		return Optional.ofNullable(this.value);
	}

	/** The accepted value converted, or the same reason. */
	public <R> Validation<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
		return isValid() ? accepted(mapper.apply(this.value)) : rejected(this.reason);
	}

}
