/**
 * When a conversation goes to a person, as the workbook's Escalations sheet says: its
 * reader ({@link dev.dmbot.server.escalationpolicy.EscalationsSheet}), the compiled
 * {@link dev.dmbot.server.escalationpolicy.EscalationPolicy} and the working hours. Kept
 * apart from the {@code escalation} package, the hand-over itself, which must not know
 * how the bot decides.
 */
package dev.dmbot.server.escalationpolicy;
