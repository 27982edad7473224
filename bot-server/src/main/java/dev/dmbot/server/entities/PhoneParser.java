package dev.dmbot.server.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Finds and checks phone numbers and writes them in E.164 ({@code +351912345678}), using
 * Google's libphonenumber metadata. A number without a country code ("912 345 678") is
 * read in the default region; one written with {@code +} or the region's international
 * prefix ("+34 612 34 56 78", "00351 912345678") keeps its own country. Only numbers
 * valid for their country are accepted. Never throws on any input; thread-safe.
 */
public final class PhoneParser {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	/** libphonenumber refuses longer input to parse. */
	private static final int MAX_PARSE_LENGTH = 250;

	/**
	 * How many digit runs that turn out not to be numbers libphonenumber looks at before
	 * it gives up on a text.
	 */
	private static final long MAX_TRIES = 1_000;

	private final String defaultRegion;

	/**
	 * @param defaultRegion the ISO 3166 region for numbers written without a country
	 * code, such as {@code "PT"}
	 * @throws IllegalArgumentException when libphonenumber does not know the region
	 */
	public PhoneParser(String defaultRegion) {
		String region = (defaultRegion != null) ? defaultRegion.strip().toUpperCase(Locale.ROOT) : "";
		if (!UTIL.getSupportedRegions().contains(region)) {
			throw new IllegalArgumentException(
					"default region must be a known ISO 3166 code like PT, got \"" + defaultRegion + "\"");
		}
		this.defaultRegion = region;
	}

	public String defaultRegion() {
		return this.defaultRegion;
	}

	/** The first valid number in the text, in E.164. */
	public Optional<String> parse(String text) {
		List<Found<String>> found = findAll(text);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).value());
	}

	/** Every valid number in the text, in order, in E.164. */
	public List<Found<String>> findAll(String text) {
		try {
			String bounded = Folded.bounded(text);
			List<Found<String>> found = new ArrayList<>();
			for (PhoneNumberMatch match : UTIL.findNumbers(bounded, this.defaultRegion, PhoneNumberUtil.Leniency.VALID,
					Long.MAX_VALUE)) {
				found.add(new Found<>(UTIL.format(match.number(), PhoneNumberFormat.E164), match.start(), match.end(),
						match.rawString()));
			}
			return found;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return List.of();
		}
	}

	/**
	 * Checks an answer to "what's your phone number?": the number in E.164, or why it is
	 * refused.
	 */
	public Validation<String> validate(String text) {
		try {
			String bounded = Folded.bounded(text).strip();
			if (bounded.isEmpty()) {
				return Validation.rejected("the answer is empty");
			}
			List<Found<String>> found = findAll(bounded);
			if (!found.isEmpty()) {
				return Validation.accepted(found.get(0).value());
			}
			if (bounded.length() > MAX_PARSE_LENGTH) {
				return Validation.rejected("no valid phone number in it");
			}
			PhoneNumber number = UTIL.parse(bounded, this.defaultRegion);
			String country = "+" + number.getCountryCode();
			String region = UTIL.getRegionCodeForNumber(number);
			switch (UTIL.isPossibleNumberWithReason(number)) {
				case TOO_SHORT:
					return Validation.rejected("too few digits for a " + country + " number");
				case TOO_LONG:
					return Validation.rejected("too many digits for a " + country + " number");
				case INVALID_LENGTH:
					return Validation.rejected("wrong number of digits for a " + country + " number");
				case INVALID_COUNTRY_CODE:
					return Validation.rejected("there is no country with the code " + country);
				default:
					break;
			}
			if (!UTIL.isValidNumber(number)) {
				return Validation.rejected("not a valid " + country
						+ ((region != null && !"ZZ".equals(region)) ? " (" + region + ")" : "") + " number");
			}
			return Validation.accepted(UTIL.format(number, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Validation.rejected(reason(ex.getErrorType()));
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Validation.rejected("it could not be read as a phone number");
		}
	}

	private static String reason(NumberParseException.ErrorType type) {
		switch (type) {
			case INVALID_COUNTRY_CODE:
				return "the country code is missing or unknown";
			case TOO_SHORT_AFTER_IDD:
			case TOO_SHORT_NSN:
				return "too few digits for a phone number";
			case TOO_LONG:
				return "too many digits for a phone number";
			default:
				return "it is not a phone number";
		}
	}

}
