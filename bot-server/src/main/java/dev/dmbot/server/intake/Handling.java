package dev.dmbot.server.intake;

/**
 * What an {@link InboundEventHandler} made of an event, for {@code bot.intake.events}.
 */
public enum Handling {

	/** Handled now; it is marked so that a redelivery is a duplicate. */
	PROCESSED,

	/** Handled before (Meta redelivered it, or a worker died after handling it). */
	DUPLICATE,

	/**
	 * Not handled now: its account is disconnected. The worker keeps it in the account's
	 * held stream ({@link StreamKeys#held}) until the account is connected again
	 * ({@link HeldEvents#release}).
	 */
	HELD

}
