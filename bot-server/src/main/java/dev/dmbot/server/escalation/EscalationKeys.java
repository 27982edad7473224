package dev.dmbot.server.escalation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of escalations: each escalation, its notes and the pointer to the open
 * one under the person's hash tag; the queues of an account and a team, the id index and
 * the notifications outside it.
 */
@Component
public final class EscalationKeys implements FeatureKeys {

	/** The accounts that ever had an escalation. */
	public static final String ACCOUNTS = "bot:escalations:accounts";

	/** The teams that ever had an escalation routed to them. */
	public static final String TEAMS = "bot:escalations:teams";

	/** Prefix of {@code bot:escalations:id:<id>}: the conversation of an escalation. */
	public static final String ID_PREFIX = "bot:escalations:id:";

	/**
	 * Notifications waiting for their time, {@code id:opened} or {@code id:sla} (a due
	 * queue).
	 */
	public static final String NOTIFY_PENDING = "bot:escalations:notify:pending";

	/** Notifications the channel did not take after the last try. */
	public static final String NOTIFY_DEAD_LETTERS = "bot:escalations:notify:dead-letters";

	/** Pub/sub channel of the live stream to agents (a channel, not a key). */
	public static final String EVENTS_CHANNEL = "bot:escalations:events";

	/** The conversation's open escalation, if any. */
	public static String pointer(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:escalation";
	}

	/** One escalation of the conversation. */
	public static String escalation(String accountId, String senderId, String id) {
		return pointer(accountId, senderId) + ":" + id;
	}

	/** The agents' notes on one escalation. */
	public static String notes(String accountId, String senderId, String id) {
		return escalation(accountId, senderId, id) + ":notes";
	}

	/** The account's open escalations. */
	public static String open(String accountId) {
		return "bot:escalations:{" + accountId + "}:open";
	}

	/** The account's escalations, open or closed. */
	public static String all(String accountId) {
		return "bot:escalations:{" + accountId + "}:all";
	}

	/** A team's open escalations. */
	public static String teamOpen(String team) {
		return "bot:escalations:team:" + team + ":open";
	}

	@Override
	public List<KeyFamily> families() {
		String closedKept = "while open; once closed, bot.escalation.retention (90d)";
		Erasure byEscalations = Erasure.by(EscalationPersonalData.class);
		return List.of(KeyFamily.server("escalation", "accounts", ACCOUNTS).erased(Erasure.notPersonal()),
				KeyFamily.server("escalation", "teams", TEAMS).erased(Erasure.notPersonal()),
				KeyFamily.person("escalation", "id", ID_PREFIX + "<id>").erased(byEscalations).kept(closedKept),
				KeyFamily.person("escalation", "pointer", "bot:{<account>:<sender>}:escalation")
					.erased(Erasure.deleteKey())
					.kept("while an escalation is open"),
				KeyFamily.person("escalation", "escalation", "bot:{<account>:<sender>}:escalation:<id>")
					.erased(Erasure.deleteKey())
					.kept(closedKept),
				KeyFamily.person("escalation", "notes", "bot:{<account>:<sender>}:escalation:<id>:notes")
					.erased(Erasure.deleteKey())
					.kept(closedKept),
				KeyFamily.account("escalation", "open", "bot:escalations:{<account>}:open")
					.erased(byEscalations)
					.kept("an escalation while it is open"),
				KeyFamily.account("escalation", "all", "bot:escalations:{<account>}:all")
					.erased(byEscalations)
					.kept(closedKept),
				KeyFamily.server("escalation", "team-open", "bot:escalations:team:<team...>:open")
					.erased(byEscalations)
					.kept("an escalation while it is open"),
				KeyFamily.server("escalation", "notify-pending", NOTIFY_PENDING)
					.erased(byEscalations)
					.kept("a notification until it is sent or dead-lettered"),
				KeyFamily.server("escalation", "notify-dead-letters", NOTIFY_DEAD_LETTERS)
					.erased(byEscalations)
					.kept("bot.dead-letters.retention (30d), at most bot.dead-letters.max-entries (10000)"));
	}

}
