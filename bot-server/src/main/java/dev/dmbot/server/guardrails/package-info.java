/**
 * Opt-out, caps, quiet hours and disclosure, as the workbook's Guardrails sheet says: its
 * reader ({@link dev.dmbot.server.guardrails.GuardrailsSheet}) and the compiled
 * {@link dev.dmbot.server.guardrails.GuardrailPolicy}. The conversation applies it.
 */
package dev.dmbot.server.guardrails;
