package dev.dmbot.server.privacy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.PersonalData;
import dev.dmbot.server.system.RedisKeys;

/**
 * Removes every key of one person in every account: what each feature keeps elsewhere
 * (its {@link PersonalData}), then the person's own keys, {@code bot:{account:sender}:…},
 * which share one Redis Cluster slot per account. Safe to repeat.
 */
@Component
class PersonErasure {

	private final UnifiedJedis redis;

	private final List<PersonalData> features;

	private final String configuredAccount;

	PersonErasure(UnifiedJedis redis, List<PersonalData> features, MetaProperties meta) {
		this.redis = redis;
		this.features = features;
		this.configuredAccount = meta.accountId();
	}

	/**
	 * @return how many keys, entries and fields were removed
	 */
	long erase(String senderId) {
		if (!SignedRequest.USER_ID.matcher(senderId).matches()) {
			// Never let an id act as a key pattern.
			throw new IllegalArgumentException("Not a person's id: letters, digits, '_' or '-', at most 64");
		}
		Set<String> ownKeys = RedisKeys.scan(this.redis, "bot:{*:" + senderId + "}:*");
		Set<String> accounts = new TreeSet<>();
		accounts.add(this.configuredAccount);
		String tagEnd = ":" + senderId + "}:";
		for (String key : ownKeys) {
			int end = key.indexOf(tagEnd);
			if (key.startsWith("bot:{") && end > "bot:{".length()) {
				accounts.add(key.substring("bot:{".length(), end));
			}
		}
		for (PersonalData feature : this.features) {
			accounts.addAll(feature.accounts(senderId));
		}
		long removed = 0;
		for (String account : accounts) {
			for (PersonalData feature : this.features) {
				removed += feature.erase(account, senderId);
			}
		}
		// Own keys last, and found again: features may have read them, and a key may have
		// been written meanwhile.
		ownKeys.addAll(RedisKeys.scan(this.redis, "bot:{*:" + senderId + "}:*"));
		for (String key : ownKeys) {
			int end = key.indexOf(tagEnd);
			if (key.startsWith("bot:{") && end > 0 && key.indexOf('}') == end + tagEnd.length() - 2) {
				removed += this.redis.unlink(key);
			}
		}
		return removed;
	}

}
