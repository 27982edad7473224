package dev.dmbot.server.flows;

import java.time.Instant;

/**
 * Where a customer is in a flow that has not finished.
 *
 * @param flow the flow's name
 * @param step the step whose question is pending
 * @param attempts answers to that question not accepted so far
 * @param startedAt when the flow started
 * @param lastActivityAt when the customer last wrote during the flow
 * @param startedBy the workbook row that started it, e.g.
 * {@code lumen-oak.xlsx › Replies › row 29}
 */
public record FlowProgress(String flow, String step, int attempts, Instant startedAt, Instant lastActivityAt,
		String startedBy) {

	FlowProgress at(String nextStep, Instant now) {
		return new FlowProgress(this.flow, nextStep, 0, this.startedAt, now, this.startedBy);
	}

	FlowProgress failedOnce(Instant now) {
		return new FlowProgress(this.flow, this.step, this.attempts + 1, this.startedAt, now, this.startedBy);
	}

	FlowProgress touched(Instant now) {
		return new FlowProgress(this.flow, this.step, this.attempts, this.startedAt, now, this.startedBy);
	}

}
