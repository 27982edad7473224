/**
 * The Instagram accounts this server answers for: who they are ({@link Accounts},
 * {@link Account}), the access token each one sends with ({@link AccessToken}), the
 * workbook set in force for each and the per-business settings resolved from it
 * ({@link AccountRules}, {@link AccountSettings}). Everything the server does for an
 * account goes through an account id here, so that serving many accounts changes this
 * package and not the features.
 * <p>
 * The accounts served are the one configured through {@code bot.meta.account-id} and
 * {@code bot.meta.access-token} (the sandbox account when unset), first and unchanged,
 * then the accounts connected through Business Login ({@link ConnectedAccounts}, kept in
 * Redis with their tokens encrypted by {@link TokenCipher} under
 * {@code bot.security.encryption-key}); the login itself is in {@code accounts.connect}.
 * Their tokens are refreshed before they expire, once across instances
 * ({@link TokenRefresher}); an account whose token Meta refuses for good is marked
 * {@link AccountStatus#DISCONNECTED}. Every account is answered with the one workbook set
 * live on every instance.
 */
package dev.dmbot.server.accounts;
