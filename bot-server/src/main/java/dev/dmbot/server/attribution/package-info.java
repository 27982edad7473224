/**
 * What the bot's replies led to: which wording of an A/B-tested reply each person sticks
 * to, the last reply, rule and flow each person saw, conversions reported by other
 * systems ({@code POST /api/conversions}) and the counts per variant
 * ({@code GET /api/admin/experiments}). Everything lives in Redis, so every instance
 * counts into the same figures.
 */
package dev.dmbot.server.attribution;
