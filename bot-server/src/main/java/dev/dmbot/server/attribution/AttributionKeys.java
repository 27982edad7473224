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

	/** What the contact was last shown, for crediting a conversion. */
	public static String touch(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:touch";
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
		return List.of(
				KeyFamily.person("attribution", "touch", "bot:{<account>:<sender>}:touch")
					.erased(Erasure.deleteKey())
					.kept("bot.context.retention (90d) after the last write (a turn sets it again at most every 30 s)"),
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
