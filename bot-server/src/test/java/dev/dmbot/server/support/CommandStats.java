package dev.dmbot.server.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.clients.jedis.UnifiedJedis;

/** Commands a Redis server has run, by name, as {@code INFO commandstats} counts them. */
public final class CommandStats {

	private static final Pattern CALLS = Pattern.compile("cmdstat_([^:]+):calls=(\\d+)");

	private CommandStats() {
	}

	public static Map<String, Long> read(UnifiedJedis redis) {
		Map<String, Long> calls = new TreeMap<>();
		Matcher matcher = CALLS.matcher(redis.info("commandstats"));
		while (matcher.find()) {
			calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
		}
		return calls;
	}

	/** Calls of one command so far. */
	public static long calls(UnifiedJedis redis, String command) {
		return read(redis).getOrDefault(command, 0L);
	}

	/** What ran between two readings, by command. */
	public static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> difference = new TreeMap<>();
		after.forEach((command, count) -> {
			long ran = count - before.getOrDefault(command, 0L);
			if (ran > 0) {
				difference.put(command, ran);
			}
		});
		return difference;
	}

}
