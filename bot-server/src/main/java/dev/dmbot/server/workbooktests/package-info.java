/**
 * Plays a workbook set's Tests sheets as conversations, with the decision tables, the
 * flows and the escalation policy as live DMs are answered:
 * {@link dev.dmbot.server.workbooktests.WorkbookTests} for the command line and tests,
 * and the runner an activation uses before a set may go live.
 */
package dev.dmbot.server.workbooktests;
