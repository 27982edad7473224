/**
 * The Instagram accounts this server answers for: who they are ({@link Accounts},
 * {@link Account}), the access token each one sends with ({@link AccessToken}), the
 * workbook set in force for each and the per-business settings resolved from it
 * ({@link AccountRules}, {@link AccountSettings}). Everything the server does for an
 * account goes through an account id here, so that serving many accounts changes this
 * package and not the features.
 * <p>
 * Today one account is configured ({@code bot.meta.account-id} and
 * {@code bot.meta.access-token}, the sandbox account when unset), and every account is
 * answered with the one workbook set live on every instance.
 */
package dev.dmbot.server.accounts;
