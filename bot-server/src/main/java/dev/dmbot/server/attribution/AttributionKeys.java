package dev.dmbot.server.attribution;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of attribution: what a contact was shown, conversions, A/B counts. */
@Component
public final class AttributionKeys implements FeatureKeys {

	/** A/B test counts of every account, one hash. */
	public static final String EXPERIMENTS = "bot:experiments";

	/**
	 * What the contact was last shown, as releases before this one kept it; now fields of
	 * the context hash ({@link ContactTouches}), moved there at start-up.
	 */
	public static String touch(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:touch";
	}

	/** A glob of every {@link #touch} key, in every account. */
	static final String TOUCHES = "bot:{*}:touch";

	/**
	 * {@code bot:{account:sender}:touch} → {@code bot:{account:sender}:ctx}, the context
	 * hash under the same tag that the touches are now kept in; {@code null} for another
	 * key that {@link #TOUCHES} matches.
	 */
	static String contextOfTouch(String key) {
		String end = "}:touch";
		boolean touches = key.startsWith("bot:{") && key.endsWith(end)
				&& key.indexOf('}') == key.length() - end.length();
		return touches ? key.substring(0, key.length() - "touch".length()) + "ctx" : null;
	}

	/** The account's conversions by id. */
	public static String conversions(String accountId) {
		return "bot:{" + accountId + "}:conversions";
	}

	/** The account's latest conversion ids, newest first. */
	public static String recentConversions(String accountId) {
		return "bot:{" + accountId + "}:conversions:recent";
	}

	/** Conversion ids scored by when they were recorded: what retention removes. */
	public static String conversionsByTime(String accountId) {
		return "bot:{" + accountId + "}:conversions:by-time";
	}

	/** Totals credited to conversion types, rules and flows. */
	public static String conversionCredit(String accountId) {
		return "bot:{" + accountId + "}:conversions:credit";
	}

	@Override
	public List<KeyFamily> families() {
		String conversionsKept = "bot.conversions.retention (365d)";
		return List.of(KeyFamily.person("attribution", "touch", "bot:{<account>:<sender>}:touch")
			.erased(Erasure.deleteKey())
			.kept("written by earlier releases only: moved into the context hash (fields _touch.*) at start-up"),
				KeyFamily.account("attribution", "conversions", "bot:{<account>}:conversions")
					.erased(Erasure.by(ConversionPersonalData.class))
					.kept(conversionsKept),
				KeyFamily.account("attribution", "conversions-recent", "bot:{<account>}:conversions:recent")
					.erased(Erasure.by(ConversionPersonalData.class))
					.kept(conversionsKept + "; the newest bot.conversions.recent-kept (1000)"),
				KeyFamily.account("attribution", "conversions-by-time", "bot:{<account>}:conversions:by-time")
					.erased(Erasure.by(ConversionPersonalData.class))
					.kept(conversionsKept),
				KeyFamily.account("attribution", "conversion-credit", "bot:{<account>}:conversions:credit")
					.erased(Erasure.notPersonal()),
				KeyFamily.server("attribution", "experiments", EXPERIMENTS).erased(Erasure.notPersonal()));
	}

}
