package dev.dmbot.server.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.dmbot.server.workbook.Workbook;

/** Reads the workbooks named on the command line. */
final class WorkbookFiles {

	private WorkbookFiles() {
	}

	/**
	 * @throws UnreadableFileException naming the file and why it cannot be read
	 */
	static List<Workbook> read(List<Path> files) {
		List<Workbook> workbooks = new ArrayList<>();
		for (Path file : files) {
			if (Files.isDirectory(file)) {
				throw new UnreadableFileException(file + ": is a folder; name the .xlsx workbooks in it.");
			}
			try {
				workbooks.add(new Workbook(file.getFileName().toString(), Files.readAllBytes(file)));
			}
			catch (NoSuchFileException ex) {
				throw new UnreadableFileException(file + ": no such file.");
			}
			catch (AccessDeniedException ex) {
				throw new UnreadableFileException(file + ": cannot be read (permission denied).");
			}
			catch (IOException ex) {
				throw new UnreadableFileException(file + ": cannot be read (" + ex.getMessage() + ").");
			}
		}
		return workbooks;
	}

	/** A file named on the command line that cannot be read at all. */
	static final class UnreadableFileException extends RuntimeException {

		UnreadableFileException(String message) {
			super(message);
		}

	}

}
