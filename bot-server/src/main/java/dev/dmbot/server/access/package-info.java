/**
 * Who may call the admin, analyst and agent APIs: bearer tokens with a role.
 *
 * <p>
 * Requests under {@code /api/admin/tokens/**} need the {@link Role#ADMIN} role, the rest
 * of {@code /api/admin/**} {@code ADMIN} or {@code ANALYST}, and {@code /api/agent/**}
 * and {@code /api/escalations/**} {@code AGENT} or {@code ADMIN} (see
 * {@link AccessPolicy} for the others). Every other path (the Meta webhook, which checks
 * its own signature, the playground, actuator) does not pass through Spring Security at
 * all.
 *
 * <p>
 * A controller under those paths learns who calls it from Spring Security: declare an
 * {@link org.springframework.security.core.Authentication} parameter and read
 * {@link org.springframework.security.core.Authentication#getName()}. It is the token's
 * name as given to {@code POST /api/admin/tokens} ({@code "admin"} for the bootstrap
 * token, {@code bot.security.admin-token}); record it as "who uploaded" or "who
 * answered". The authorities are {@link Role#authority()} values ({@code ROLE_ADMIN}…).
 * The raw token is never available to controllers and must never be logged.
 *
 * <p>
 * An AGENT or ANALYST token may be bound to Instagram accounts ({@code "accounts"} in the
 * creation request); {@link Caller#of} gives a controller the caller's name, role and
 * accounts, and a controller serving conversations shows only those accounts' (answering
 * 404 for the others, so their existence is not revealed). A bound ANALYST token reaches
 * only requests that name one of its accounts (an {@code account} path variable or
 * parameter) and those of handlers marked {@link FiltersAccounts}; everything spanning
 * every account (rules, dead letters, experiments) needs an unbound token
 * ({@link BoundAnalystInterceptor}).
 */
package dev.dmbot.server.access;
