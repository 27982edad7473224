package dev.dmbot.server.workbook;

/**
 * A person was given one wording of an A/B-tested reply.
 *
 * @param experiment the experiment's name
 * @param variant the wording's label
 */
public record Exposure(String experiment, String variant) {

	@Override
	public String toString() {
		return this.experiment + " " + this.variant;
	}

}
