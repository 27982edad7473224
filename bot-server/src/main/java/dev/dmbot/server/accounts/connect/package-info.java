/**
 * Connecting an Instagram account with a click: Business Login for Instagram, run from
 * the Accounts page ({@code /accounts/}) and its admin API ({@code /api/admin/accounts}).
 * {@link dev.dmbot.server.accounts.connect.AccountLogin} runs the steps (authorize, code
 * to short-lived token, long-lived token, the account, its webhook subscription and
 * Meta's confirmation) and stores the account through
 * {@link dev.dmbot.server.accounts.ConnectedAccounts} only when every step succeeded; the
 * {@code state} is single-use, expires, and is bound to the admin's browser
 * ({@link dev.dmbot.server.accounts.connect.LoginStates}). Meta's hosts are properties
 * ({@code bot.accounts.*}, {@code bot.meta.graph-url}), so a fake stands in for them in
 * tests.
 */
package dev.dmbot.server.accounts.connect;
