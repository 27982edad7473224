package dev.dmbot.server.outbound;

import java.util.Set;

/**
 * An error answer of the Send API, classified by what the bot should do about it (Meta's
 * error-code table).
 *
 * @param httpStatus the HTTP status, or 0 when no answer came (timeout, connection
 * refused)
 * @param code Meta's {@code error.code}, or 0 when the body had none
 */
record MetaError(int httpStatus, int code, int subcode, String message) {

	private static final Set<Integer> THROTTLING = Set.of(4, 17, 32, 613);

	private static final Set<Integer> WINDOW_CLOSED = Set.of(2534022, 2018278, 2018065);

	boolean windowClosed() {
		return this.code == 10 && WINDOW_CLOSED.contains(this.subcode);
	}

	/**
	 * Meta takes no private reply to this comment: it has had its one private reply, is
	 * more than 7 days old or was deleted (code 100, subcode 2534025). Meta does not say
	 * which, so a refused second reply and an ineligible comment look the same.
	 */
	boolean commentNotEligible() {
		return this.code == 100 && this.subcode == 2534025;
	}

	boolean tokenInvalid() {
		return this.code == 190;
	}

	boolean rateLimited() {
		return this.httpStatus == 429 || THROTTLING.contains(this.code);
	}

	/**
	 * Worth another try: throttling, Meta's temporary errors, 5xx and no answer at all.
	 */
	boolean transientFailure() {
		if (rateLimited() || this.code == 2 || this.httpStatus == 0) {
			return true;
		}
		// Code 1 with subcode 1357046 may already have delivered the message: a blind
		// retry could send it twice.
		if (this.code == 1) {
			return this.subcode != 1357046;
		}
		return this.httpStatus >= 500 && this.code == 0;
	}

	String describe() {
		return "HTTP " + this.httpStatus + ", code " + this.code + (this.subcode != 0 ? "/" + this.subcode : "") + ": "
				+ this.message;
	}

}
