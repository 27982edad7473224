package dev.dmbot.server.intake;

/**
 * Meta's conversation routing moved, took or asks for control of the thread
 * ({@code messaging_handover}).
 */
public sealed interface ThreadControlEvent extends InboundEvent permits ThreadPassed, ThreadTaken, ThreadRequested {

	/** The app the thread goes to, or that asks for it. */
	String appId();

	/** The {@code metadata} the other app sent along, may be {@code null}. */
	String metadata();

}
