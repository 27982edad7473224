/**
 * Qualified leads: stored in Redis, delivered to the CRM webhook (signed, retried,
 * dead-lettered, replayable), listed and exported. Callers use {@link LeadService} and
 * the records it takes and returns; everything else is package-private.
 */
package dev.dmbot.server.leads;
