package dev.dmbot.server.privacy;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of data deletion. */
@Component
public final class PrivacyKeys implements FeatureKeys {

	/** Requests still to carry out (a due queue of codes). */
	public static final String DELETIONS_DUE = "bot:{privacy}:deletions:due";

	/** People erased lately, {@code account:sender} scored by when. */
	public static final String FORGET = "bot:{privacy}:forget";

	/** A data-deletion request and, once carried out, its status. */
	public static String deletion(String code) {
		return "bot:{privacy}:deletion:" + code;
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(
				KeyFamily.server("privacy", "deletion", "bot:{privacy}:deletion:<code>")
					.erased(Erasure.shortLived("holds the person's id only until the deletion is carried out"))
					.kept("bot.privacy.status-retention (365d) after it is carried out"),
				KeyFamily.server("privacy", "deletions-due", DELETIONS_DUE)
					.erased(Erasure.notPersonal())
					.kept("a request until it is carried out"),
				KeyFamily.server("privacy", "forget", FORGET)
					.erased(Erasure.shortLived("names who was erased, for a day, so every instance forgets them"))
					.kept("one day"));
	}

}
