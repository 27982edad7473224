package dev.dmbot.server.workbook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What a text cell that becomes a message must respect, wherever it is written: a reply
 * in the Replies sheet, a question or a summary in a Flows sheet. Instagram's byte limit,
 * and variables the conversation can fill.
 */
public final class ReplyCheck {

	/** Instagram counts a text message's length in UTF-8 bytes, not characters. */
	public static final int MAX_TEXT_BYTES = 1000;

	public static final String ATTRIBUTE_PREFIX = "attr.";

	public static final String SLOT_PREFIX = "slot.";

	/**
	 * The {@code {{variables}}} the conversation fills in any reply; {@code attr.<name>}
	 * and {@code slot.<name>} too.
	 */
	public static final List<String> VARIABLES = List.of("first_name", "username", "state", "intent", "language",
			"entity.email", "entity.phone", "entity.money", "entity.date", "entity.product");

	private ReplyCheck() {
	}

	/**
	 * The first problem of {@code cell}, empty when it may be sent.
	 * @param what what the cell holds, as problems name it: {@code reply}, {@code text}
	 * @param slots the slots some flow fills, for {@code {{slot.<name>}}}
	 * @param extra variables known only where this cell is used, e.g. {@code reason}
	 */
	public static Optional<Problem> check(String what, String cell, Collection<String> slots, List<String> extra) {
		int bytes = cell.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_TEXT_BYTES) {
			return Optional
				.of(new Problem("the " + what + " is " + bytes + " bytes long (" + cell.codePointCount(0, cell.length())
						+ " characters; emoji and accented letters take 2 to 4 bytes each); Instagram accepts at most "
						+ MAX_TEXT_BYTES + " bytes.",
						"shorten the " + what + " by at least " + (bytes - MAX_TEXT_BYTES) + " bytes."));
		}
		List<String> known = new ArrayList<>(VARIABLES);
		known.addAll(extra);
		Matcher variable = ReplyTemplate.VARIABLE.matcher(cell);
		while (variable.find()) {
			String name = variable.group(1);
			if (name.startsWith(ATTRIBUTE_PREFIX) && name.length() > ATTRIBUTE_PREFIX.length()) {
				continue;
			}
			if (name.startsWith(SLOT_PREFIX) && name.length() > SLOT_PREFIX.length()) {
				String slot = name.substring(SLOT_PREFIX.length());
				if (!slots.contains(slot)) {
					return Optional.of(new Problem(
							"{{" + name + "}} names slot \"" + slot + "\", which no flow fills"
									+ DidYouMean.endOfSentence(slot, slots),
							slots.isEmpty() ? "add a flow that asks for it in a Flows sheet, or remove the variable."
									: "use one of the slots the Flows sheets fill: " + String.join(", ", slots) + "."));
				}
				continue;
			}
			if (!known.contains(name)) {
				return Optional
					.of(new Problem("unknown variable {{" + name + "}}" + DidYouMean.endOfSentence(name, known), "use "
							+ String.join(", ", known.stream().map((k) -> "{{" + k + "}}").toList())
							+ ", {{attr.<name>}} or {{slot.<name>}}, optionally with a default after |, e.g. {{first_name|there}}."));
			}
		}
		String leftOver = ReplyTemplate.VARIABLE.matcher(cell).replaceAll("");
		if (leftOver.contains("{{") || leftOver.contains("}}")) {
			return Optional.of(new Problem(
					"the text has a {{ or }} that is not a variable, so the customer would see the braces.",
					"write variables as {{name}} or {{name|default}}, e.g. {{first_name|there}}, with no spaces in the name."));
		}
		return Optional.empty();
	}

	/** What is wrong and how to fix it, in the analyst's words. */
	public record Problem(String problem, String fix) {
	}

}
