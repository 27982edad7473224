package dev.dmbot.server.flows;

import java.util.List;

/**
 * One answer a step offers.
 *
 * @param title the quick reply's title, as the customer sees it
 * @param value what the slot keeps when the option is chosen, also the quick reply's
 * payload
 * @param synonyms other words that choose this option when typed
 */
public record Option(String title, String value, List<String> synonyms) {

	public Option {
		synonyms = List.copyOf(synonyms);
	}

}
