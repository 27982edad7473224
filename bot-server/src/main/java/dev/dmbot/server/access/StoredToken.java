package dev.dmbot.server.access;

import java.time.Instant;

/**
 * What is known of an issued token, without the token: safe to list and to log.
 *
 * @param createdBy the name of the admin who created it
 */
record StoredToken(String name, Role role, Instant createdAt, String createdBy) {
}
