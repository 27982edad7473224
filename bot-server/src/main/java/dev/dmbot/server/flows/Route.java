package dev.dmbot.server.flows;

/**
 * One branch of a Next cell: when the answer fits, go to {@code step}.
 *
 * @param step a step of the same flow, or {@link FlowStep#DONE}
 */
public record Route(Condition when, String step) {
}
