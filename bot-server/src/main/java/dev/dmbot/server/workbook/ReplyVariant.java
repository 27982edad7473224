package dev.dmbot.server.workbook;

/**
 * One wording of a reply under test.
 *
 * @param label the capital letter the analyst wrote before it: {@code A}, {@code B}, …
 * @param share the percentage of people who get this wording, 1 to 100
 * @param text the wording, {@code {{variables}}} not yet rendered
 */
public record ReplyVariant(String label, int share, String text) {
}
