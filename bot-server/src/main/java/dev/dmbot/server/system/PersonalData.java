package dev.dmbot.server.system;

import java.util.Set;

/**
 * A feature that keeps something about a person outside the person's own hash-tagged keys
 * ({@code bot:{account:sender}:…}): index entries, entries of shared streams, fields of
 * an account-wide hash. A feature's key family names its bean as the erase step
 * ({@code Erasure.by(…)} in the feature's {@code *Keys} class); a data-deletion request
 * calls each step the key registry names for every account the person wrote to, before
 * their own keys are deleted, so an implementation may still read them. A bean that no
 * family names stops the start.
 * <p>
 * An implementation must be safe to repeat (a deletion interrupted by a crash runs again)
 * and must not throw for a person it knows nothing of.
 */
public interface PersonalData {

	/**
	 * Removes what this feature keeps about the person.
	 * @return how many keys, entries or fields were removed
	 */
	long erase(String accountId, String senderId);

	/**
	 * Accounts this feature knows the person wrote to, beyond those their own keys name
	 * (a lead outlives the conversation's context, for example).
	 */
	default Set<String> accounts(String senderId) {
		return Set.of();
	}

	/**
	 * Forgets what this instance holds in memory about the person, such as a cached
	 * profile. Every instance is told, within {@code bot.privacy.poll-interval}.
	 */
	default void forgetInMemory(String accountId, String senderId) {
	}

}
