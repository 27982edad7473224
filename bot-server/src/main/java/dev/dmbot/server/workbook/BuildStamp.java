package dev.dmbot.server.workbook;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Names the build of this server, for remembering that a workbook set passed its Tests
 * sheets under it: the implementation version from the jar's manifest and the time the
 * jar (or, run from an IDE, the classes folder) was last written. A rebuilt jar, which
 * also carries any new intent model, is a new build whose start-up runs the Tests sheets
 * again.
 */
final class BuildStamp {

	private BuildStamp() {
	}

	/** {@code 1.0.0-SNAPSHOT@1733580000000}; {@code dev@0} when nothing can be read. */
	static String of(Class<?> type) {
		String version = type.getPackage().getImplementationVersion();
		return ((version != null) ? version : "dev") + "@" + writtenAt(type);
	}

	private static long writtenAt(Class<?> type) {
		try {
			CodeSource source = type.getProtectionDomain().getCodeSource();
			if (source == null || source.getLocation() == null) {
				return 0;
			}
			String location = source.getLocation().toString();
			// Spring Boot's nested jar URLs name the outer jar first:
			// jar:nested:/app.jar/!...
			int nested = location.indexOf("nested:");
			if (nested >= 0) {
				String outer = location.substring(nested + "nested:".length());
				int end = outer.indexOf("/!");
				return Files.getLastModifiedTime(Path.of((end >= 0) ? outer.substring(0, end) : outer)).toMillis();
			}
			return Files.getLastModifiedTime(Path.of(source.getLocation().toURI())).toMillis();
		}
		catch (URISyntaxException | RuntimeException | java.io.IOException ex) {
			return 0;
		}
	}

}
