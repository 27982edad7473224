package dev.dmbot.server.rules;

/**
 * A decision-table workbook as read from disk, the classpath, an upload or Redis.
 *
 * @param name the file name, e.g. {@code lumen-oak.xlsx}
 * @param bytes the file's content
 */
public record Workbook(String name, byte[] bytes) {

}
