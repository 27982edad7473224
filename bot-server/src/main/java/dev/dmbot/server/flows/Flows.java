package dev.dmbot.server.flows;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.dmbot.server.workbook.CompiledRules;

/**
 * The flows of a workbook set's Flows sheets, as compiled with its rules.
 *
 * @param all the flows, in the order of the workbooks and their sheets
 */
public record Flows(List<Flow> all) {

	/** A set without a Flows sheet. */
	public static final Flows NONE = new Flows(List.of());

	public Flows {
		all = List.copyOf(all);
	}

	/** {@code rules}' flows; {@link #NONE} when they were compiled without the sheet. */
	public static Flows of(CompiledRules rules) {
		return rules.part(Flows.class).orElse(NONE);
	}

	/** The flow of this name, if the workbooks define it. */
	public Optional<Flow> flow(String name) {
		return this.all.stream().filter((flow) -> flow.name().equals(name)).findFirst();
	}

	/** The slots the flows fill, for {@code {{slot.<name>}}} in replies. */
	public Set<String> slots() {
		return slots(this.all);
	}

	static Set<String> slots(Collection<Flow> flows) {
		Set<String> slots = new LinkedHashSet<>();
		flows.forEach((flow) -> slots.addAll(flow.slots()));
		return slots;
	}

}
