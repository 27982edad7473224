package dev.dmbot.server.rules;

public record FiredRow(String workbook, String sheet, int row) {
}
