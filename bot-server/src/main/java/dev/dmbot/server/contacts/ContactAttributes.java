package dev.dmbot.server.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationContext;

/**
 * Merges attributes pushed by other systems into a customer's context. Only the pushed
 * fields are written, so a conversation being answered at the same moment keeps its state
 * and counters. A new contact's context is created with the usual retention; an existing
 * one keeps the expiry its last event gave it.
 */
@Component
class ContactAttributes {

	static final int MAX_KEYS_PER_PUSH = 50;

	static final int MAX_ATTRIBUTES = 200;

	static final int MAX_VALUE_LENGTH = 500;

	static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");

	/** Account and customer ids go into a Redis key: no braces or colons. */
	static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final ContextStore contexts;

	ContactAttributes(ContextStore contexts) {
		this.contexts = contexts;
	}

	Map<String, String> get(String accountId, String igsid) {
		checkIds(accountId, igsid);
		return sorted(this.contexts.load(accountId, igsid).attributes());
	}

	/**
	 * Sets the given attributes and removes those given as {@code null}.
	 * @return the contact's attributes afterwards
	 * @throws InvalidAttributesException naming the first key that cannot be stored
	 */
	Map<String, String> merge(String accountId, String igsid, Map<String, String> changes) {
		checkIds(accountId, igsid);
		check(changes);
		ConversationContext context = this.contexts.load(accountId, igsid);
		Map<String, String> merged = new LinkedHashMap<>(context.attributes());
		changes.forEach((name, value) -> {
			if (value == null) {
				merged.remove(name);
			}
			else {
				merged.put(name, value);
			}
		});
		if (merged.size() > MAX_ATTRIBUTES) {
			throw new InvalidAttributesException("a contact has at most " + MAX_ATTRIBUTES + " attributes; this one "
					+ "would have " + merged.size() + ": remove some by sending them as null");
		}
		// Only removals for a contact that has nothing stored: there is nothing to write.
		boolean nothingStored = context.isNew() && context.attributes().isEmpty();
		if (changes.isEmpty() || nothingStored && merged.isEmpty()) {
			return get(accountId, igsid);
		}
		this.contexts.mergeAttributes(accountId, igsid, changes);
		return get(accountId, igsid);
	}

	private static void check(Map<String, String> changes) {
		if (changes.size() > MAX_KEYS_PER_PUSH) {
			throw new InvalidAttributesException(
					"at most " + MAX_KEYS_PER_PUSH + " attributes per request, but there were " + changes.size());
		}
		changes.forEach((name, value) -> {
			if (!NAME.matcher(name).matches()) {
				throw new InvalidAttributesException(
						"attribute \"" + abbreviate(name) + "\": names are 1 to 40 characters of a-z, 0-9 and _");
			}
			if (value != null && value.length() > MAX_VALUE_LENGTH) {
				throw new InvalidAttributesException("attribute \"" + name + "\": values are at most "
						+ MAX_VALUE_LENGTH + " characters, but this one has " + value.length());
			}
		});
	}

	private static void checkIds(String accountId, String igsid) {
		if (!ID.matcher(accountId).matches()) {
			throw new InvalidAttributesException("account \"" + abbreviate(accountId) + "\" is not an account id");
		}
		if (!ID.matcher(igsid).matches()) {
			throw new InvalidAttributesException("contact \"" + abbreviate(igsid) + "\" is not an Instagram user id");
		}
	}

	private static Map<String, String> sorted(Map<String, String> attributes) {
		return new TreeMap<>(attributes);
	}

	static String abbreviate(String text) {
		return text.length() > 60 ? text.substring(0, 57) + "..." : text;
	}

}
