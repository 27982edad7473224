package dev.dmbot.server.messengerprofile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.dmbot.server.workbook.CompiledRules;

/**
 * What Instagram shows before and around a conversation: the ice breakers (questions a
 * person can tap to start one) and the persistent menu, from the workbook's
 * {@code Ice breakers & menu} sheet. Already checked against Meta's limits when built by
 * the compiler.
 *
 * @param iceBreakers the questions, in the sheet's order
 * @param menu the menu items, in the sheet's order
 */
public record MessengerProfile(List<IceBreaker> iceBreakers, List<MenuItem> menu) {

	/** The locale Meta requires and shows to everyone whose language has no list. */
	public static final String DEFAULT_LOCALE = "default";

	/** A set of workbooks without the sheet: nothing to push. */
	public static final MessengerProfile NONE = new MessengerProfile(List.of(), List.of());

	/**
	 * {@code rules}' ice breakers and menu; {@link #NONE} when they were compiled without
	 * that sheet.
	 */
	public static MessengerProfile of(CompiledRules rules) {
		return rules.part(MessengerProfile.class).orElse(NONE);
	}

	public MessengerProfile {
		iceBreakers = List.copyOf(iceBreakers);
		menu = List.copyOf(menu);
	}

	/** Whether the workbooks define neither ice breakers nor a menu. */
	public boolean isEmpty() {
		return this.iceBreakers.isEmpty() && this.menu.isEmpty();
	}

	/**
	 * The body of {@code POST /{account-id}/messenger_profile}, in the shape of Meta's
	 * documentation: {@code platform}, then {@code ice_breakers} and
	 * {@code persistent_menu} (each left out when the sheet has none), one entry per
	 * locale, {@code default} first.
	 */
	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("platform", "instagram");
		if (!this.iceBreakers.isEmpty()) {
			List<Map<String, Object>> locales = new ArrayList<>();
			for (String locale : locales(this.iceBreakers.stream().map(IceBreaker::locale).toList())) {
				List<Map<String, Object>> actions = new ArrayList<>();
				for (IceBreaker breaker : this.iceBreakers) {
					if (breaker.locale().equals(locale)) {
						actions.add(ordered("question", breaker.question(), "payload", breaker.payload()));
					}
				}
				locales.add(ordered("call_to_actions", actions, "locale", locale));
			}
			body.put("ice_breakers", locales);
		}
		if (!this.menu.isEmpty()) {
			List<Map<String, Object>> locales = new ArrayList<>();
			for (String locale : locales(this.menu.stream().map(MenuItem::locale).toList())) {
				List<Map<String, Object>> actions = new ArrayList<>();
				for (MenuItem item : this.menu) {
					if (item.locale().equals(locale)) {
						actions.add((item.url() != null)
								? ordered("type", "web_url", "title", item.title(), "url", item.url())
								: ordered("type", "postback", "title", item.title(), "payload", item.payload()));
					}
				}
				locales.add(ordered("locale", locale, "call_to_actions", actions));
			}
			body.put("persistent_menu", locales);
		}
		return body;
	}

	private static Set<String> locales(List<String> used) {
		Set<String> locales = new LinkedHashSet<>();
		if (used.contains(DEFAULT_LOCALE)) {
			locales.add(DEFAULT_LOCALE);
		}
		locales.addAll(used);
		return locales;
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/**
	 * One question a person can tap to start a conversation; the tap arrives as a
	 * postback carrying the payload.
	 */
	public record IceBreaker(String locale, String question, String payload) {

		public IceBreaker {
			Objects.requireNonNull(locale, "locale");
			Objects.requireNonNull(question, "question");
			Objects.requireNonNull(payload, "payload");
		}

	}

	/**
	 * One item of the persistent menu: a postback with a payload, or a link.
	 *
	 * @param payload the postback payload, {@code null} for a link
	 * @param url the https address a link opens, {@code null} for a postback
	 */
	public record MenuItem(String locale, String title, String payload, String url) {

		public MenuItem {
			Objects.requireNonNull(locale, "locale");
			Objects.requireNonNull(title, "title");
			if ((payload == null) == (url == null)) {
				throw new IllegalArgumentException("a menu item has a payload or a url, not both or neither: " + title);
			}
		}

	}

}
