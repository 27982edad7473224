package dev.dmbot.server.flows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a contact's flows have left behind: the flow in progress, if any, every slot
 * answered so far (in any flow), and when each flow last completed. Slots outlive their
 * flow, so a later flow does not ask again what the customer already said.
 *
 * @param active the unfinished flow, {@code null} when none
 * @param slots slot names and values
 * @param completed flow names and when each last completed
 */
public record FlowMemory(FlowProgress active, Map<String, String> slots, Map<String, Instant> completed) {

	public static final FlowMemory EMPTY = new FlowMemory(null, Map.of(), Map.of());

	public FlowMemory {
		slots = Map.copyOf(slots);
		completed = Map.copyOf(completed);
	}

	/** The flow in progress, unless the customer has been away longer than it waits. */
	public Optional<FlowProgress> activeAt(Instant now, Flow flow) {
		if (this.active == null || flow == null || !flow.name().equals(this.active.flow())) {
			return Optional.empty();
		}
		return this.active.lastActivityAt().plus(flow.ending().resumeWithin()).isBefore(now) ? Optional.empty()
				: Optional.of(this.active);
	}

	FlowMemory with(FlowProgress progress, Map<String, String> newSlots) {
		return new FlowMemory(progress, newSlots, this.completed);
	}

	FlowMemory completedAt(String flow, Instant at, Map<String, String> newSlots) {
		Map<String, Instant> done = new LinkedHashMap<>(this.completed);
		done.put(flow, at);
		return new FlowMemory(null, newSlots, done);
	}

	/** The same memory without a flow in progress. */
	public FlowMemory leave() {
		return new FlowMemory(null, this.slots, this.completed);
	}

}
