package dev.dmbot.server.flows;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The left side of {@code when -> then} in a Next or Score cell: {@code else} (or
 * {@code *}), a value the answer equals, or a comparison with a number such as
 * {@code >= 10000}.
 *
 * @param operator {@code else}, {@code =}, {@code >=}, {@code >}, {@code <=} or {@code <}
 * @param value the value or the number compared with; empty for {@code else}
 */
public record Condition(String operator, String value) {

	private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)\\s*(.+)");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	public static final Condition ELSE = new Condition("else", "");

	/**
	 * Reads a condition cell part, empty when it is a comparison with something that is
	 * not a number.
	 */
	public static Optional<Condition> parse(String text) {
		String trimmed = text.strip();
		if (trimmed.equalsIgnoreCase("else") || trimmed.equals("*")) {
			return Optional.of(ELSE);
		}
		Matcher comparison = COMPARISON.matcher(trimmed);
		if (comparison.matches()) {
			String number = comparison.group(2).strip().replace(",", "").replace("_", "");
			if (comparison.group(1).equals("=")) {
				return Optional.of(new Condition("=", comparison.group(2).strip()));
			}
			return NUMBER.matcher(number).matches() ? Optional.of(new Condition(comparison.group(1), number))
					: Optional.empty();
		}
		return trimmed.isEmpty() ? Optional.empty() : Optional.of(new Condition("=", trimmed));
	}

	public boolean isComparison() {
		return !this.operator.equals("else") && !this.operator.equals("=");
	}

	/** Whether a slot value fits; numbers are read from the start of the value. */
	public boolean matches(String slotValue) {
		if (this.operator.equals("else")) {
			return true;
		}
		if (slotValue == null) {
			return false;
		}
		if (this.operator.equals("=")) {
			return slotValue.strip().toLowerCase(Locale.ROOT).equals(this.value.toLowerCase(Locale.ROOT));
		}
		Matcher number = NUMBER.matcher(slotValue);
		if (!number.lookingAt()) {
			return false;
		}
		int compared = new BigDecimal(number.group()).compareTo(new BigDecimal(this.value));
		return switch (this.operator) {
			case ">=" -> compared >= 0;
			case ">" -> compared > 0;
			case "<=" -> compared <= 0;
			default -> compared < 0;
		};
	}

	@Override
	public String toString() {
		return this.operator.equals("else") ? "else"
				: this.operator.equals("=") ? this.value : this.operator + " " + this.value;
	}

}
