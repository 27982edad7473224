package dev.dmbot.server.rules;

/**
 * A decision-table workbook as read from disk or the classpath.
 *
 * @param name the file name, e.g. {@code lumen-oak.xlsx}
 * @param bytes the file's content
 */
record Workbook(String name, byte[] bytes) {

}
