package dev.dmbot.server.escalation;

import java.time.Duration;

/** Durations as people write them: "2 days 3 hours", "45 minutes". */
final class Durations {

	private Durations() {
	}

	static String words(Duration duration) {
		long seconds = Math.max(0, duration.getSeconds());
		long days = seconds / 86_400;
		long hours = seconds % 86_400 / 3_600;
		long minutes = seconds % 3_600 / 60;
		StringBuilder text = new StringBuilder();
		append(text, days, "day");
		append(text, hours, "hour");
		if (days == 0) {
			append(text, minutes, "minute");
		}
		if (text.length() == 0) {
			append(text, seconds, "second");
		}
		return text.length() == 0 ? "0 seconds" : text.toString();
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount == 0) {
			return;
		}
		if (text.length() > 0) {
			text.append(' ');
		}
		text.append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
	}

}
