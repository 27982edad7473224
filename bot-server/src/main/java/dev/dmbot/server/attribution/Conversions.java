package dev.dmbot.server.attribution;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.followups.FollowUpScheduler;
import dev.dmbot.server.workbook.Exposure;

/**
 * Records conversions reported by other systems and credits each to the reply, flow and
 * tested wordings that led there: the last reply the bot sent the customer within the
 * attribution window (last touch). A conversion also ends any follow-up still waiting for
 * the customer, who needs no more nudging.
 */
@Component
public class Conversions {

	private static final Logger log = LoggerFactory.getLogger(Conversions.class);

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern TYPE = Pattern.compile("[a-z0-9_-]{1,40}");

	/** The reporting system's clock may run a little ahead of ours. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final ContactTouches touches;

	private final ExperimentCounts counts;

	private final FollowUpScheduler followUps;

	private final ConversionsProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	Conversions(UnifiedJedis redis, JsonMapper json, ContactTouches touches, ExperimentCounts counts,
			FollowUpScheduler followUps, ConversionsProperties properties, MeterRegistry meters, Clock clock) {
		this.redis = redis;
		this.json = json;
		this.touches = touches;
		this.counts = counts;
		this.followUps = followUps;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Records a conversion once per id.
	 * @return the conversion, and whether this call recorded it (false: it was recorded
	 * before, and is returned as it was)
	 * @throws InvalidConversionException naming the field that is missing or wrong
	 */
	public Recorded record(ConversionRequest request) {
		Instant now = this.clock.instant();
		ConversionRequest valid = validated(request, now);
		String key = AttributionKeys.conversions(valid.accountId());
		String existing = this.redis.hget(key, valid.id());
		if (existing != null) {
			return new Recorded(this.json.readValue(existing, Conversion.class), false);
		}
		Touches seen = this.touches.load(valid.accountId(), valid.senderId());
		Conversion conversion = new Conversion(valid.id(), valid.accountId(), valid.senderId(), valid.type(),
				valid.value(), valid.currency(), valid.occurredAt(), now, attribution(seen, valid.occurredAt()));
		if (this.redis.hsetnx(key, valid.id(), this.json.writeValueAsString(conversion)) == 0) {
			// Another instance recorded the same report a moment ago.
			return new Recorded(this.json.readValue(this.redis.hget(key, valid.id()), Conversion.class), false);
		}
		this.redis.zadd(AttributionKeys.conversionsByTime(valid.accountId()), now.toEpochMilli(), valid.id());
		credit(conversion);
		forgetExpired(valid.accountId(), now);
		this.followUps.cancel(valid.accountId(), valid.senderId());
		log.info("Conversion {} ({}) of {}:{} credited to rule {}, flow {}, variants {}", conversion.id(),
				conversion.type(), conversion.accountId(), conversion.senderId(), conversion.attribution().rule(),
				conversion.attribution().flow(), conversion.attribution().variants());
		return new Recorded(conversion, true);
	}

	/** The latest conversions of an account, newest first, and the totals credited. */
	public Report report(String accountId, int limit) {
		List<String> ids = this.redis.lrange(AttributionKeys.recentConversions(accountId), 0, Math.max(0, limit - 1));
		List<Conversion> recent = new ArrayList<>();
		if (!ids.isEmpty()) {
			List<String> stored = this.redis.hmget(AttributionKeys.conversions(accountId), ids.toArray(String[]::new));
			for (String conversion : stored) {
				if (conversion != null) {
					recent.add(this.json.readValue(conversion, Conversion.class));
				}
			}
		}
		Map<String, Map<String, Long>> credited = new TreeMap<>();
		this.redis.hgetAll(AttributionKeys.conversionCredit(accountId)).forEach((field, count) -> {
			String[] parts = field.split("\\|", 2);
			if (parts.length == 2) {
				credited.computeIfAbsent(parts[0], (kind) -> new TreeMap<>()).put(parts[1], Long.parseLong(count));
			}
		});
		return new Report(recent, credited);
	}

	private Attribution attribution(Touches seen, Instant occurredAt) {
		Instant lastAt = seen.lastAt();
		boolean inWindow = lastAt != null && !lastAt.isAfter(occurredAt.plus(CLOCK_SKEW))
				&& !occurredAt.isAfter(lastAt.plus(this.properties.attributionWindow()));
		if (!inWindow) {
			return new Attribution(null, null, List.of(), null);
		}
		List<Exposure> variants = seen.variants()
			.entrySet()
			.stream()
			.map((given) -> new Exposure(given.getKey(), given.getValue()))
			.toList();
		return new Attribution(seen.lastRule(), seen.lastFlow(), variants, lastAt);
	}

	/**
	 * Removes conversions recorded more than {@code bot.conversions.retention} ago; the
	 * totals they were credited to stay.
	 */
	private void forgetExpired(String accountId, Instant now) {
		List<String> expired = this.redis.zrange(AttributionKeys.conversionsByTime(accountId),
				ZRangeParams
					.zrangeByScoreParams(Double.NEGATIVE_INFINITY,
							now.minus(this.properties.retention()).toEpochMilli())
					.limit(0, 500));
		if (expired.isEmpty()) {
			return;
		}
		String[] ids = expired.toArray(String[]::new);
		this.redis.hdel(AttributionKeys.conversions(accountId), ids);
		for (String id : ids) {
			this.redis.lrem(AttributionKeys.recentConversions(accountId), 0, id);
		}
		this.redis.zrem(AttributionKeys.conversionsByTime(accountId), ids);
	}

	private void credit(Conversion conversion) {
		String account = conversion.accountId();
		Attribution attribution = conversion.attribution();
		this.redis.lpush(AttributionKeys.recentConversions(account), conversion.id());
		this.redis.ltrim(AttributionKeys.recentConversions(account), 0, this.properties.recentKept() - 1L);
		this.redis.hincrBy(AttributionKeys.conversionCredit(account), "type|" + conversion.type(), 1);
		this.redis.hincrBy(AttributionKeys.conversionCredit(account),
				"rule|" + (attribution.rule() != null ? attribution.rule() : "none"), 1);
		this.redis.hincrBy(AttributionKeys.conversionCredit(account),
				"flow|" + (attribution.flow() != null ? attribution.flow() : "none"), 1);
		for (Exposure exposure : attribution.variants()) {
			this.counts.converted(account, exposure, conversion.value(), conversion.currency());
		}
		this.meters
			.counter("bot.conversions", "type", conversion.type(), "flow",
					attribution.flow() != null ? attribution.flow() : "none", "attributed",
					Boolean.toString(attribution.attributed()))
			.increment();
	}

	private ConversionRequest validated(ConversionRequest request, Instant now) {
		String id = required("id", request.id());
		if (id.length() > 200 || id.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidConversionException(
					"\"id\" must be at most 200 characters without control characters, e.g. \"order-10423\"");
		}
		String account = identifier("accountId", request.accountId());
		String sender = identifier("senderId", request.senderId());
		String type = required("type", request.type()).toLowerCase(Locale.ROOT);
		if (!TYPE.matcher(type).matches()) {
			throw new InvalidConversionException("\"type\" is \"" + abbreviate(request.type())
					+ "\": use up to 40 letters, digits, _ or -, e.g. \"order\" or \"booking\"");
		}
		BigDecimal value = request.value();
		String currency = request.currency();
		if (value != null) {
			if (value.signum() < 0) {
				throw new InvalidConversionException("\"value\" is " + value + ": it must not be negative");
			}
			currency = currency(currency);
		}
		else if (currency != null) {
			throw new InvalidConversionException(
					"\"currency\" is given without a \"value\": add the value or " + "leave the currency out");
		}
		Instant occurredAt = (request.occurredAt() != null) ? request.occurredAt() : now;
		if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
			throw new InvalidConversionException("\"occurredAt\" is " + occurredAt
					+ ", in the future: send the time the conversion happened, or leave it out for now");
		}
		return new ConversionRequest(id, account, sender, type, value, currency, occurredAt);
	}

	private static String currency(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidConversionException(
					"\"currency\" is missing: a \"value\" needs its ISO 4217 currency code, e.g. \"EUR\"");
		}
		try {
			return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConversionException("\"currency\" is \"" + abbreviate(code)
					+ "\", which is no ISO 4217 currency code: use e.g. \"EUR\"");
		}
	}

	private static String identifier(String field, String value) {
		String given = required(field, value);
		if (!ID.matcher(given).matches()) {
			throw new InvalidConversionException("\"" + field + "\" is \"" + abbreviate(given)
					+ "\": it must be the Instagram id as the webhook gives it (digits)");
		}
		return given;
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConversionException("\"" + field + "\" is missing");
		}
		return value.strip();
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

	/**
	 * @param created whether this report recorded it, rather than finding it recorded
	 */
	public record Recorded(Conversion conversion, boolean created) {
	}

	/**
	 * @param credited counts by {@code type}, {@code rule} and {@code flow}; {@code none}
	 * counts conversions the bot had no part in
	 */
	public record Report(List<Conversion> recent, Map<String, Map<String, Long>> credited) {
	}

}
