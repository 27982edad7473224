package dev.dmbot.server.flows;

import java.util.List;
import java.util.Optional;

/**
 * A named series of questions from a workbook's Flows sheet.
 *
 * @param name the name a Start flow cell uses
 * @param steps the steps in sheet order; the first is asked first
 * @param ending what happens on completion, cancel, give-up and return
 * @param workbook the workbook's file name
 * @param sheet the sheet the steps are on
 */
public record Flow(String name, List<FlowStep> steps, FlowEnding ending, String workbook, String sheet) {

	public Flow {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("flow " + name + " has no steps");
		}
	}

	public Optional<FlowStep> step(String stepName) {
		return this.steps.stream().filter((step) -> step.name().equals(stepName)).findFirst();
	}

	/** The conversation state while the flow runs, which rules can match. */
	public String state() {
		return stateOf(this.name);
	}

	public static String stateOf(String flowName) {
		return "flow:" + flowName;
	}

	/** The slots the flow fills, in the order of its steps. */
	public List<String> slots() {
		return this.steps.stream().map(FlowStep::slot).distinct().toList();
	}

}
