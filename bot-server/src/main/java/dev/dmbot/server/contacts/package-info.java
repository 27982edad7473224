/**
 * The contacts API: other systems (a shop, a CRM) push attributes about a customer, which
 * replies can use as {@code {{attr.name}}}. Stored in the customer's context
 * ({@code context}); everything here is package-private.
 */
package dev.dmbot.server.contacts;
