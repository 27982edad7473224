package dev.dmbot.server.workbook;

import java.time.Instant;
import java.util.List;

/**
 * One activated set of workbooks, as every instance knows it from Redis.
 *
 * @param number the version number, counting up from 1 across all instances
 * @param hash hex SHA-256 of the workbooks' bytes, in the order of {@code workbooks}
 * @param workbooks the workbooks' file names
 * @param activatedBy who made it: a token name, {@code file-watcher} or {@code startup}
 * @param activatedAt when it was first activated
 */
public record RuleSetVersion(int number, String hash, List<String> workbooks, String activatedBy, Instant activatedAt) {

	public RuleSetVersion {
		workbooks = List.copyOf(workbooks);
	}

}
