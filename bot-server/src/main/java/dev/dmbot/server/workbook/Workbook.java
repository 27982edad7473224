package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A decision-table workbook as read from disk, the classpath, an upload or Redis.
 *
 * @param name the file name, e.g. {@code lumen-oak.xlsx}
 * @param bytes the file's content
 */
public record Workbook(String name, byte[] bytes) {

	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}\\.xlsx");

	/**
	 * A workbook someone uploaded, checked for what it must be before it is compiled: a
	 * plain {@code .xlsx} file name and an Excel (Office Open XML) file.
	 * @throws NotAWorkbookException saying what is wrong with it
	 */
	public static Workbook uploaded(String name, byte[] bytes) {
		if (name == null || !FILE_NAME.matcher(name).matches()) {
			throw new NotAWorkbookException("'" + name + "' is not a workbook file name: use letters, digits, "
					+ "spaces, dots, dashes or underscores, ending in .xlsx (for example lumen-oak.xlsx).");
		}
		if (!isOfficeOpenXmlWorkbook(bytes)) {
			throw new NotAWorkbookException(name + " is not an Excel workbook (.xlsx). In Excel or LibreOffice "
					+ "choose Save As > Excel Workbook (.xlsx) and upload that file.");
		}
		return new Workbook(name, bytes);
	}

	/** A zip holding {@code xl/workbook.xml}, which every .xlsx file has. */
	private static boolean isOfficeOpenXmlWorkbook(byte[] bytes) {
		if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			return false;
		}
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if ("xl/workbook.xml".equals(entry.getName())) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

}
