package dev.dmbot.server.flows;

import java.time.Duration;
import java.util.List;

/**
 * What happens around a flow rather than at one step: completion, cancelling, giving up,
 * resuming, restarting. One row of the endings table of a Flows sheet; blank cells take
 * the defaults of {@link #defaults()}.
 *
 * @param summary the reply when the flow completes
 * @param tags tags the customer gets on completion
 * @param sendLead whether completion stores a lead and delivers it to the CRM
 * @param escalateAtScore a score at or above which completion escalates to a person;
 * {@code null} for never
 * @param escalationReply the reply instead of the summary when completion escalates
 * @param team the team an escalation goes to, {@code null} for none
 * @param cancelWords words that leave the flow
 * @param cancelReply the reply when the customer leaves the flow
 * @param giveUpReply the reply when the answers to a step ran out of attempts
 * @param resumeWithin how long an unfinished flow waits for the customer to come back
 * @param welcomeBack what is said before the pending question to a customer back after a
 * pause
 * @param restartAfter how long after completion the flow may start again
 * @param alreadyDone the reply when something would start the flow again too soon
 */
public record FlowEnding(String summary, List<String> tags, boolean sendLead, Integer escalateAtScore,
		String escalationReply, String team, List<String> cancelWords, String cancelReply, String giveUpReply,
		Duration resumeWithin, String welcomeBack, Duration restartAfter, String alreadyDone) {

	public static final List<String> CANCEL_WORDS = List.of("cancel", "stop", "quit", "exit", "never mind", "nevermind",
			"cancelar", "parar", "sair");

	public static final String CANCEL_REPLY = "No problem, I've stopped here. Just write if you need anything else.";

	public static final String GIVE_UP_REPLY = "Let me pass you to a teammate who can help.";

	public static final Duration RESUME_WITHIN = Duration.ofDays(7);

	public static final String WELCOME_BACK = "Welcome back! Let's pick up where we left off.";

	public static final Duration RESTART_AFTER = Duration.ofDays(30);

	public static final String ALREADY_DONE = "We already have your details, {{first_name|there}}. Our team will be in touch soon.";

	public FlowEnding {
		tags = List.copyOf(tags);
		cancelWords = List.copyOf(cancelWords);
	}

	/** The ending of a flow whose endings row leaves everything blank but the summary. */
	public static FlowEnding defaults(String summary) {
		return new FlowEnding(summary, List.of(), true, null, null, null, CANCEL_WORDS, CANCEL_REPLY, GIVE_UP_REPLY,
				RESUME_WITHIN, WELCOME_BACK, RESTART_AFTER, ALREADY_DONE);
	}

}
