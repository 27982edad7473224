package dev.dmbot.server.platform.redis;

/** Whom the keys of a {@link KeyFamily} belong to. */
public enum KeyScope {

	/**
	 * One person in one account: the key names both, usually under the conversation's
	 * hash tag {@code {account:sender}}.
	 */
	PERSON,

	/** One Instagram account, shared by everyone who writes to it. */
	ACCOUNT,

	/** The whole server: every account and every instance. */
	SERVER

}
