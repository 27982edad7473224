package dev.dmbot.server.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.KeyRegistry;
import dev.dmbot.server.platform.redis.PersonKeyspace;
import dev.dmbot.server.platform.redis.TimeLog;
import dev.dmbot.server.platform.redis.TimeLogs;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.PersonalData;

/**
 * Removes every key of one person in every account, as the {@link KeyRegistry} says: the
 * erase step of each feature whose shared keys hold the person's part (its
 * {@link PersonalData}), then the person's own keys, {@code bot:{account:sender}:…},
 * which share one Redis Cluster slot per account. Safe to repeat.
 * <p>
 * Refuses to start when a family names an erase step that is no bean, or when a
 * {@link PersonalData} bean is named by no family: what a feature keeps about a person is
 * erased because its key family says so, not because a bean happens to exist.
 */
@Component
class PersonErasure {

	private final PersonKeyspace keyspace;

	private final List<PersonalData> features;

	private static final Duration FORGET_KEPT = Duration.ofDays(1);

	/**
	 * Read again from a little before the newest erasure seen: one written in the same
	 * millisecond is not missed, and forgetting twice does no harm.
	 */
	private static final long OVERLAP_MILLIS = 1000;

	/**
	 * People erased lately, {@code account:sender} scored by when: every instance reads
	 * it to forget what it holds in memory.
	 */
	private final TimeLog forget;

	private final String configuredAccount;

	private final Clock clock;

	PersonErasure(PersonKeyspace keyspace, TimeLogs logs, KeyRegistry registry, List<PersonalData> beans,
			MetaProperties meta, Clock clock) {
		this.keyspace = keyspace;
		this.features = steps(registry, beans);
		this.forget = logs.named(PrivacyKeys.FORGET);
		this.configuredAccount = meta.accountId();
		this.clock = clock;
	}

	/** The beans the registry's families name, in the registry's order. */
	private static List<PersonalData> steps(KeyRegistry registry, List<PersonalData> beans) {
		Set<Class<? extends PersonalData>> named = registry.erasureSteps();
		List<PersonalData> steps = new ArrayList<>();
		for (Class<? extends PersonalData> step : named) {
			PersonalData bean = beans.stream()
				.filter(step::isInstance)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("A Redis key family is erased by " + step.getName()
						+ ", which is no bean: annotate it with @Component, or erase the family another way"));
			steps.add(bean);
		}
		for (PersonalData bean : beans) {
			if (named.stream().noneMatch((step) -> step.isInstance(bean))) {
				throw new IllegalStateException("PersonalData bean " + bean.getClass().getName()
						+ " erases no Redis key family: name it in the family it cleans, " + ".erased(Erasure.by("
						+ bean.getClass().getSimpleName() + ".class)) in the feature's *Keys");
			}
		}
		return List.copyOf(steps);
	}

	/**
	 * @return how many keys, entries and fields were removed
	 */
	long erase(String senderId) {
		if (!SignedRequest.USER_ID.matcher(senderId).matches()) {
			// Never let an id act as a key pattern.
			throw new IllegalArgumentException("Not a person's id: letters, digits, '_' or '-', at most 64");
		}
		PersonKeyspace.Found own = this.keyspace.find(senderId);
		Set<String> accounts = new TreeSet<>();
		accounts.add(this.configuredAccount);
		accounts.addAll(own.accounts());
		for (PersonalData feature : this.features) {
			accounts.addAll(feature.accounts(senderId));
		}
		long removed = 0;
		long now = this.clock.millis();
		for (String account : accounts) {
			for (PersonalData feature : this.features) {
				removed += feature.erase(account, senderId);
			}
			this.forget.add(account + ":" + senderId, now);
		}
		this.forget.dropUntil(now - FORGET_KEPT.toMillis());
		// Own keys last, and found again: features may have read them, and a key may have
		// been written meanwhile.
		Set<String> ownKeys = new TreeSet<>(own.keys());
		ownKeys.addAll(this.keyspace.find(senderId).keys());
		removed += this.keyspace.delete(ownKeys);
		return removed;
	}

	/**
	 * Forgets, on this instance, what features hold in memory about the people erased
	 * (here or on another instance) after {@code sinceMillis}.
	 * @return the time of the newest erasure seen, to pass next time
	 */
	long forgetErasedSince(long sinceMillis) {
		long newest = sinceMillis;
		for (TimeLog.Entry erased : this.forget.since(sinceMillis - OVERLAP_MILLIS)) {
			String member = erased.member();
			int colon = member.indexOf(':');
			if (colon > 0) {
				for (PersonalData feature : this.features) {
					feature.forgetInMemory(member.substring(0, colon), member.substring(colon + 1));
				}
			}
			newest = Math.max(newest, erased.millis());
		}
		return newest;
	}

}
