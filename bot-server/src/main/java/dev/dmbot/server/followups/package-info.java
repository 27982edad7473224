/**
 * Follow-ups: a message a Replies row schedules for later ("2 hours after interest in a
 * product"), kept in Redis so that it survives restarts and goes out once whatever the
 * number of instances. Callers use {@link FollowUpScheduler}; the conversation says
 * through {@link FollowUpGate} who may be written to.
 */
package dev.dmbot.server.followups;
