package dev.dmbot.server.accounts;

import java.time.Instant;

/**
 * An account that was disconnected can be answered again: it was connected again through
 * Business Login, or the server started with another {@code bot.meta.access-token}.
 * Published on the instance that saw it, so that what the account received meanwhile is
 * answered.
 *
 * @param accountId the Instagram professional account id
 * @param at when it was connected again
 */
public record AccountReconnected(String accountId, Instant at) {

}
