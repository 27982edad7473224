package dev.dmbot.server.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the workbooks to decide with: the configured folder, else {@code ./rules} or
 * {@code ../rules} (so a developer's edits apply on restart without a rebuild), else the
 * workbooks shipped in the jar.
 */
final class WorkbookSource {

	private WorkbookSource() {
	}

	/**
	 * The folder the workbooks are read from, empty when they come from the jar: that
	 * folder is watched for saves.
	 */
	static Optional<Path> folder(RulesProperties properties) {
		if (properties.dir() != null) {
			return Optional.of(properties.dir());
		}
		for (Path candidate : List.of(Path.of("rules"), Path.of("..", "rules"))) {
			if (Files.isDirectory(candidate) && !fromFolder(candidate).isEmpty()) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	static List<Workbook> load(RulesProperties properties) {
		if (properties.dir() != null) {
			List<Workbook> workbooks = fromFolder(properties.dir());
			if (workbooks.isEmpty()) {
				throw new IllegalStateException("bot.rules.dir " + properties.dir().toAbsolutePath()
						+ " holds no .xlsx workbooks; put the decision tables there or unset bot.rules.dir");
			}
			return workbooks;
		}
		for (Path candidate : List.of(Path.of("rules"), Path.of("..", "rules"))) {
			if (Files.isDirectory(candidate)) {
				List<Workbook> workbooks = fromFolder(candidate);
				if (!workbooks.isEmpty()) {
					return workbooks;
				}
			}
		}
		List<Workbook> shipped = fromClasspath();
		if (shipped.isEmpty()) {
			throw new IllegalStateException(
					"No decision-table workbooks: none in ./rules, ../rules or the classpath under rules/; set bot.rules.dir");
		}
		return shipped;
	}

	static List<Workbook> fromFolder(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<Workbook> workbooks = new ArrayList<>();
			for (Path file : files.filter(WorkbookSource::isWorkbook)
				.sorted(Comparator.comparing(Path::toString))
				.toList()) {
				workbooks.add(new Workbook(file.getFileName().toString(), Files.readAllBytes(file)));
			}
			return workbooks;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the workbooks in " + folder.toAbsolutePath(), ex);
		}
	}

	static List<Workbook> fromClasspath() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.xlsx");
			List<Workbook> workbooks = new ArrayList<>();
			for (Resource resource : resources) {
				String name = resource.getFilename();
				if (name != null && isWorkbookName(name)) {
					try (InputStream in = resource.getInputStream()) {
						workbooks.add(new Workbook(name, in.readAllBytes()));
					}
				}
			}
			workbooks.sort(Comparator.comparing(Workbook::name));
			return workbooks;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the workbooks shipped under rules/ on the classpath", ex);
		}
	}

	private static boolean isWorkbook(Path file) {
		return Files.isRegularFile(file) && isWorkbookName(file.getFileName().toString());
	}

	// Excel leaves "~$name.xlsx" lock files beside a workbook that is open; they are not
	// workbooks.
	static boolean isWorkbookName(String name) {
		return name.endsWith(".xlsx") && !name.startsWith("~$") && !name.startsWith(".");
	}

}
