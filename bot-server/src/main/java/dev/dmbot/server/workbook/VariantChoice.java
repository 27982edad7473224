package dev.dmbot.server.workbook;

/**
 * Which wording of an A/B-tested reply a person gets. The conversation sticks each person
 * to one; the Tests sheet and explain always see the first, so their results do not
 * depend on who is asking.
 */
@FunctionalInterface
public interface VariantChoice {

	/** Always the first wording (A). */
	VariantChoice FIRST = (experiment) -> experiment.variants().get(0).label();

	/**
	 * @return the label of one of the experiment's variants
	 */
	String choose(Experiment experiment);

}
