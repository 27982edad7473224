package dev.dmbot.server.intake;

/**
 * The ad, link or QR code that brought the customer, as Meta's {@code referral} object
 * gives it.
 *
 * @param ref the {@code ref} parameter of the link or ad, may be {@code null}
 * @param source Meta's {@code source} ({@code ADS}, {@code SHORTLINK}, ...), may be
 * {@code null}
 * @param adId the id of the click-to-Direct ad, may be {@code null}
 */
public record Referral(String ref, String source, String adId) {

	/** A referral, or {@code null} when Meta gave none of its fields. */
	public static Referral of(String ref, String source, String adId) {
		return (ref == null && source == null && adId == null) ? null : new Referral(ref, source, adId);
	}

}
