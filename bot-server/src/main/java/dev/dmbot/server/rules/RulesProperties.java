package dev.dmbot.server.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the decision-table workbooks live.
 *
 * @param dir a folder of {@code *.xlsx} workbooks; {@code null} uses {@code ./rules} or
 * {@code ../rules} when one holds workbooks, else the workbooks shipped inside the jar
 * under {@code rules/}
 */
@ConfigurationProperties("bot.rules")
public record RulesProperties(Path dir) {

	public RulesProperties {
		if (dir != null && !Files.isDirectory(dir)) {
			throw new IllegalArgumentException("bot.rules.dir must be a folder of .xlsx workbooks, but "
					+ dir.toAbsolutePath() + " is not a folder");
		}
	}

}
