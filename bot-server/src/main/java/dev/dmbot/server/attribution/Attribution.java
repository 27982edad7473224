package dev.dmbot.server.attribution;

import java.time.Instant;
import java.util.List;

import dev.dmbot.server.workbook.Exposure;

/**
 * What a conversion is credited to.
 *
 * @param rule the row behind the last reply the bot sent before it, {@code null} when the
 * bot had not answered within the attribution window
 * @param flow the last flow that spoke to the customer in that window, {@code null} for
 * none
 * @param variants the wordings of every A/B test the customer was given
 * @param lastReplyAt when that last reply was decided, {@code null} for none
 */
public record Attribution(String rule, String flow, List<Exposure> variants, Instant lastReplyAt) {

	public Attribution {
		variants = List.copyOf(variants);
	}

	public boolean attributed() {
		return this.rule != null || this.flow != null || !this.variants.isEmpty();
	}

}
