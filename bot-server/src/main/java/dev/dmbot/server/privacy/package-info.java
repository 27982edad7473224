/**
 * People's right to be forgotten: Meta's data-deletion callback (a {@code signed_request}
 * verified with the app secret), the status page it links to, and the erasure of every
 * key of that person in every account. Each feature that keeps a person's data outside
 * their own {@code bot:{account:sender}:…} keys says so by implementing
 * {@link dev.dmbot.server.system.PersonalData}.
 */
package dev.dmbot.server.privacy;
