package dev.dmbot.server.leads;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of leads. The keys a new lead is written to in one script share the hash
 * tag {@code {leads}}, so the script runs on a Redis Cluster too.
 */
@Component
public final class LeadKeys implements FeatureKeys {

	/** Prefix of {@code bot:{leads}:lead:<id>}, a hash per lead. */
	public static final String LEAD_PREFIX = "bot:{leads}:lead:";

	/** Every lead id scored by creation time. */
	public static final String BY_TIME = "bot:{leads}:by-time";

	/**
	 * Prefix of {@code bot:{leads}:by-account:<account>}, an account's lead ids by
	 * creation time.
	 */
	public static final String BY_ACCOUNT_PREFIX = "bot:{leads}:by-account:";

	/**
	 * Prefix of {@code bot:{leads}:source:<account>:<sender>:<source>}: the lead of a
	 * (conversation, source), so a redelivered event finds its lead.
	 */
	public static final String SOURCE_PREFIX = "bot:{leads}:source:";

	/** Ids of the leads set aside as dead letters. */
	public static final String DEAD_LETTERED = "bot:{leads}:dead-lettered";

	/** Leads the CRM did not take after the last try, with the error. */
	public static final String DEAD_LETTERS = "bot:leads:dead-letters";

	/** Lead ids due for delivery to the CRM (a due queue). */
	public static final String PENDING = "bot:{leads}:pending";

	/**
	 * The lead of a (conversation, source) key: {@code source} as
	 * {@link LeadSource#key()} gives it.
	 */
	static String source(String conversationId, LeadSource source) {
		return SOURCE_PREFIX + conversationId + ":" + source.key();
	}

	@Override
	public List<KeyFamily> families() {
		String kept = "bot.leads.retention (365d)";
		Erasure byLeads = Erasure.by(LeadPersonalData.class);
		return List.of(KeyFamily.person("leads", "lead", LEAD_PREFIX + "<id>").erased(byLeads).kept(kept),
				KeyFamily.server("leads", "by-time", BY_TIME).erased(byLeads).kept(kept),
				KeyFamily.account("leads", "by-account", BY_ACCOUNT_PREFIX + "<account>").erased(byLeads).kept(kept),
				KeyFamily.person("leads", "source", SOURCE_PREFIX + "<account>:<sender>:<source...>")
					.erased(byLeads)
					.kept(kept),
				KeyFamily.server("leads", "dead-lettered", DEAD_LETTERED)
					.erased(byLeads)
					.kept("a lead until it is replayed or delivered"),
				KeyFamily.server("leads", "dead-letters", DEAD_LETTERS)
					.erased(byLeads)
					.kept("bot.dead-letters.retention (30d), at most bot.dead-letters.max-entries (10000)"),
				KeyFamily.server("leads", "pending", PENDING)
					.erased(byLeads)
					.kept("a lead until the CRM takes it or it is dead-lettered"));
	}

}
