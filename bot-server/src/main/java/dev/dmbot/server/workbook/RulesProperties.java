package dev.dmbot.server.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the decision-table workbooks live and how changes to them go live.
 *
 * @param dir a folder of {@code *.xlsx} workbooks; {@code null} uses {@code ./rules} or
 * {@code ../rules} when one holds workbooks, else the workbooks shipped inside the jar
 * under {@code rules/}
 * @param watch whether saving a workbook in that folder activates it
 * @param debounce how long the folder must be quiet after a save before it is read, so a
 * workbook still being written is not read half-way
 * @param pollInterval how often an instance checks Redis for a version activated
 * elsewhere; activations are also announced on a pub/sub channel, which makes the others
 * follow at once, so this is the fallback for an announcement that did not arrive
 */
@ConfigurationProperties("bot.rules")
public record RulesProperties(Path dir, @DefaultValue("true") boolean watch, @DefaultValue("700ms") Duration debounce,
		@DefaultValue("30s") Duration pollInterval) {

	public RulesProperties {
		if (dir != null && !Files.isDirectory(dir)) {
			throw new IllegalArgumentException("bot.rules.dir must be a folder of .xlsx workbooks, but "
					+ dir.toAbsolutePath() + " is not a folder");
		}
		if (debounce == null || debounce.isNegative()) {
			throw new IllegalArgumentException("bot.rules.debounce must not be negative, but is " + debounce);
		}
		if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("bot.rules.poll-interval must be positive, but is " + pollInterval);
		}
	}

}
