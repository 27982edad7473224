package dev.dmbot.server.flows;

/**
 * What a flow did with one event, for logs, metrics and the playground.
 *
 * @param flow the flow's name
 * @param outcome one word for metrics: {@code started}, {@code asked}, {@code reasked},
 * {@code digressed}, {@code paused}, {@code completed}, {@code cancelled},
 * {@code gave_up}, {@code left} or {@code already_done}
 * @param detail a sentence for people, e.g. {@code asked budget}
 */
public record FlowNote(String flow, String outcome, String detail) {

	@Override
	public String toString() {
		return this.flow + ": " + this.detail;
	}

}
