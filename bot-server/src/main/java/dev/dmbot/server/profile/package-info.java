/**
 * The customer's Instagram profile (name, username) from Meta's User Profile API, cached
 * in memory and in Redis. Callers use {@link ProfileCache} and {@link Profile};
 * everything else is package-private. This package knows nothing of webhooks, intake or
 * conversations.
 */
package dev.dmbot.server.profile;
