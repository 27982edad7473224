package dev.dmbot.server.attribution;

import java.time.Instant;
import java.util.Map;

import dev.dmbot.server.workbook.Exposure;

/**
 * What one person has seen of the bot, for attribution.
 *
 * @param variants the wording each A/B test gave them, by experiment name
 * @param lastRule the row behind the last reply the bot decided for them, {@code null}
 * for none
 * @param lastFlow the last flow that spoke to them, {@code null} for none
 * @param lastAt when that reply was decided, {@code null} for none
 * @param awaitingReply the tested wording sent to them that they have not yet answered,
 * {@code null} for none
 */
public record Touches(Map<String, String> variants, String lastRule, String lastFlow, Instant lastAt,
		Exposure awaitingReply) {

	public static final Touches NONE = new Touches(Map.of(), null, null, null, null);

	public Touches {
		variants = Map.copyOf(variants);
	}

}
