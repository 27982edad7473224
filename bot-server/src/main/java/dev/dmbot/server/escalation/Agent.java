package dev.dmbot.server.escalation;

import java.util.Set;

/**
 * Who calls the agent API: the token's name and the Instagram accounts it is bound to
 * (empty: all of them).
 */
record Agent(String name, Set<String> accounts) {

	Agent {
		accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
	}

	/** Whether this agent may see the conversations of the account. */
	boolean sees(String accountId) {
		return this.accounts.isEmpty() || this.accounts.contains(accountId);
	}

}
