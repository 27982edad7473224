package dev.dmbot.server.workbook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sheet of a workbook set may name because another defines it: the checks of a
 * cell that names a flow, a slot, a product or a button's payload use it. The features'
 * sheets add to it before the decision tables compile ({@link FeatureSheet#name}); the
 * decision tables add the payloads they answer.
 *
 * @param flows the flows' names
 * @param flowStates the states the flows put a conversation in
 * @param slots the slots the flows fill, for {@code {{slot.<name>}}}
 * @param products the products' names, for {@code Has entity}
 * @param answeredPayloads the payloads a decision table's Payload column answers, keyed
 * by their lower case
 */
public record SheetVocabulary(Set<String> flows, Set<String> flowStates, Set<String> slots, List<String> products,
		Map<String, String> answeredPayloads) {

	/** A set that names nothing yet. */
	public static final SheetVocabulary EMPTY = new SheetVocabulary(Set.of(), Set.of(), Set.of(), List.of(), Map.of());

	public SheetVocabulary {
		flows = unmodifiable(flows);
		flowStates = unmodifiable(flowStates);
		slots = unmodifiable(slots);
		products = List.copyOf(products);
		answeredPayloads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answeredPayloads));
	}

	/** This vocabulary with flows added: their names, states and slots. */
	public SheetVocabulary withFlows(Collection<String> names, Collection<String> states,
			Collection<String> flowSlots) {
		return new SheetVocabulary(union(this.flows, names), union(this.flowStates, states),
				union(this.slots, flowSlots), this.products, this.answeredPayloads);
	}

	/** This vocabulary with products added. */
	public SheetVocabulary withProducts(Collection<String> names) {
		List<String> all = new java.util.ArrayList<>(this.products);
		all.addAll(names);
		return new SheetVocabulary(this.flows, this.flowStates, this.slots, all, this.answeredPayloads);
	}

	SheetVocabulary withAnsweredPayloads(Map<String, String> payloads) {
		Map<String, String> all = new LinkedHashMap<>(this.answeredPayloads);
		payloads.forEach(all::putIfAbsent);
		return new SheetVocabulary(this.flows, this.flowStates, this.slots, this.products, all);
	}

	private static Set<String> unmodifiable(Set<String> names) {
		return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names));
	}

	private static Set<String> union(Set<String> names, Collection<String> more) {
		Set<String> all = new LinkedHashSet<>(names);
		all.addAll(more);
		return all;
	}

}
