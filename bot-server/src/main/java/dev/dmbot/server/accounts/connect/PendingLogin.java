package dev.dmbot.server.accounts.connect;

import java.net.URI;
import java.time.Instant;

/**
 * A login an admin started and Meta has not sent back yet, kept under its {@code state}.
 *
 * @param admin the name of the admin token that pressed the button
 * @param redirectUri the redirect URI sent to Meta, which the code exchange must repeat
 * @param browserDigest the SHA-256 (hex) of the secret given to the admin's browser as a
 * cookie, so that only that browser can finish the login
 * @param startedAt when the button was pressed
 */
record PendingLogin(String admin, URI redirectUri, String browserDigest, Instant startedAt) {
}
