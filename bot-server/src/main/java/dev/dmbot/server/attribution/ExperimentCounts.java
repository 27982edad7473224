package dev.dmbot.server.attribution;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.workbook.Exposure;

/**
 * How each wording of each A/B test fares, per account: people given it, sends, replies
 * and conversions with their value. Kept in one Redis hash so every instance adds to the
 * same figures, and mirrored as Micrometer counters for dashboards.
 * <p>
 * Each count is its own command after the conversation's transaction, never inside it:
 * the hash is not in the contact's hash slot. A crash between the two loses one count; it
 * never counts twice.
 */
@Component
class ExperimentCounts {

	private final UnifiedJedis redis;

	private final MeterRegistry meters;

	ExperimentCounts(UnifiedJedis redis, MeterRegistry meters) {
		this.redis = redis;
		this.meters = meters;
	}

	void given(String accountId, Exposure exposure) {
		add(accountId, exposure, "people");
	}

	void sent(String accountId, Exposure exposure) {
		add(accountId, exposure, "sends");
		this.meters.counter("bot.experiments.sends", "experiment", exposure.experiment(), "variant", exposure.variant())
			.increment();
	}

	void replied(String accountId, Exposure exposure) {
		add(accountId, exposure, "replies");
		this.meters
			.counter("bot.experiments.replies", "experiment", exposure.experiment(), "variant", exposure.variant())
			.increment();
	}

	/**
	 * @param currency {@code null} when the conversion has no value
	 */
	void converted(String accountId, Exposure exposure, BigDecimal value, String currency) {
		add(accountId, exposure, "conversions");
		if (value != null && currency != null) {
			this.redis.hincrByFloat(AttributionKeys.EXPERIMENTS, field(accountId, exposure, "value." + currency),
					value.doubleValue());
		}
		this.meters
			.counter("bot.experiments.conversions", "experiment", exposure.experiment(), "variant", exposure.variant())
			.increment();
	}

	/** Every count, by account, experiment and variant. */
	Map<String, Map<String, Map<String, Counts>>> all() {
		Map<String, Map<String, Map<String, Counts>>> all = new TreeMap<>();
		this.redis.hgetAll(AttributionKeys.EXPERIMENTS).forEach((field, value) -> {
			String[] parts = field.split("\\|", 4);
			if (parts.length != 4) {
				return;
			}
			Counts counts = all.computeIfAbsent(parts[0], (account) -> new TreeMap<>())
				.computeIfAbsent(parts[1], (experiment) -> new TreeMap<>())
				.computeIfAbsent(parts[2], (variant) -> new Counts());
			counts.add(parts[3], value);
		});
		return all;
	}

	private void add(String accountId, Exposure exposure, String counter) {
		this.redis.hincrBy(AttributionKeys.EXPERIMENTS, field(accountId, exposure, counter), 1);
	}

	private static String field(String accountId, Exposure exposure, String counter) {
		return accountId + "|" + exposure.experiment() + "|" + exposure.variant() + "|" + counter;
	}

	/** The counts of one variant. */
	static final class Counts {

		long people;

		long sends;

		long replies;

		long conversions;

		final Map<String, BigDecimal> value = new TreeMap<>();

		private void add(String counter, String value) {
			switch (counter) {
				case "people" -> this.people = Long.parseLong(value);
				case "sends" -> this.sends = Long.parseLong(value);
				case "replies" -> this.replies = Long.parseLong(value);
				case "conversions" -> this.conversions = Long.parseLong(value);
				default -> {
					if (counter.startsWith("value.")) {
						this.value.put(counter.substring("value.".length()), new BigDecimal(value));
					}
				}
			}
		}

	}

}
