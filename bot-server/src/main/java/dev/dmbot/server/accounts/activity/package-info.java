/**
 * What each account did lately, shared by every instance: the last webhook event, the
 * last accepted send, the sends Meta refused, and the alert for an account gone silent
 * ({@link dev.dmbot.server.accounts.activity.AccountActivity}).
 */
package dev.dmbot.server.accounts.activity;
