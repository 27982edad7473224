package dev.dmbot.server.intake;

/**
 * What an {@link InboundEventHandler} made of an event, for {@code bot.intake.events}.
 */
public enum Handling {

	/** Handled now; it is marked so that a redelivery is a duplicate. */
	PROCESSED,

	/** Handled before (Meta redelivered it, or a worker died after handling it). */
	DUPLICATE

}
