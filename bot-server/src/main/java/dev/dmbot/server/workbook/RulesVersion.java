package dev.dmbot.server.workbook;

import java.time.Instant;
import java.util.List;

/**
 * Which workbooks the engine is deciding with.
 *
 * @param hash hex SHA-256 of the workbooks' bytes, in the order of {@code workbooks}
 * @param loadedAt when they were compiled
 * @param workbooks the workbooks' file names
 */
public record RulesVersion(String hash, Instant loadedAt, List<String> workbooks) {

	public RulesVersion {
		workbooks = List.copyOf(workbooks);
	}

}
