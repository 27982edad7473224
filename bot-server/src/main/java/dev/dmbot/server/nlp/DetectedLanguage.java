package dev.dmbot.server.nlp;

import java.util.Locale;
import java.util.Objects;

/**
 * The language a customer's message is answered in, and how it was decided.
 *
 * @param code the ISO 639-1 code, such as {@code pt}
 * @param source how the language was decided
 */
public record DetectedLanguage(String code, Source source) {

	public DetectedLanguage {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(source, "source");
	}

	/** How the language of a message was decided. */
	public enum Source {

		/** Read from the message itself, by the language model or by its words. */
		MESSAGE,

		/** The message was too short or unclear: the customer's previous language. */
		PREVIOUS,

		/**
		 * The message was too short or unclear and the customer is new: the account's
		 * default.
		 */
		ACCOUNT_DEFAULT;

		/**
		 * How the trail shows it: {@code message}, {@code previous} or
		 * {@code account_default}.
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	@Override
	public String toString() {
		return this.code + " (" + this.source.tag() + ")";
	}

}
