package dev.dmbot.server.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of event types the server knows, after the many shapes Meta sends are told
 * apart. The workbook's Event type cells, the Tests sheet, explain and the playground
 * take the names they accept from here, so a new event type is a constant here, its
 * record in the intake's sealed {@code InboundEvent} family and a branch in the webhook's
 * parser.
 *
 * <p>
 * The constants the workbook accepts come first, in the order error messages list them;
 * the stream stores a kind by its constant's name, so a constant is never renamed.
 */
public enum EventKind {

	MESSAGE, QUICK_REPLY, POSTBACK, REFERRAL, STORY_MENTION, STORY_REPLY, ATTACHMENT, COMMENT, ECHO, DELETED,
	UNSUPPORTED, EDIT, REACTION, UNREACTION, READ, PASS_THREAD_CONTROL, TAKE_THREAD_CONTROL, REQUEST_THREAD_CONTROL,
	MENTION, UNKNOWN;

	/**
	 * Events written by the customer that open or renew Meta's 24-hour messaging window.
	 * They are also the ones the conversation answers automatically.
	 */
	public boolean opensWindow() {
		return switch (this) {
			case MESSAGE, QUICK_REPLY, ATTACHMENT, STORY_MENTION, STORY_REPLY, POSTBACK, REFERRAL -> true;
			default -> false;
		};
	}

	/** Whether analysts may name it in a decision table's Event type cell. */
	public boolean inWorkbook() {
		return switch (this) {
			case MESSAGE, QUICK_REPLY, POSTBACK, REFERRAL, STORY_MENTION, STORY_REPLY, ATTACHMENT, COMMENT -> true;
			default -> false;
		};
	}

	/**
	 * Whether a turn of the Tests sheet (and the playground) may send it: the workbook's
	 * events that the conversation answers automatically.
	 */
	public boolean inTests() {
		return inWorkbook() && opensWindow();
	}

	/** The lower-case name analysts use in the decision tables. */
	public String ruleName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The kind an analyst's name stands for, whatever its case; the caller trims the
	 * name.
	 */
	public static Optional<EventKind> fromRuleName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((kind) -> kind.ruleName().equals(lowerCase)).findFirst();
	}

	/**
	 * The names a decision table's Event type cell accepts, in the order messages list
	 * them.
	 */
	public static List<String> workbookNames() {
		return Arrays.stream(values()).filter(EventKind::inWorkbook).map(EventKind::ruleName).toList();
	}

	/** The names a Tests sheet turn accepts, in the order messages list them. */
	public static List<String> testNames() {
		return Arrays.stream(values()).filter(EventKind::inTests).map(EventKind::ruleName).toList();
	}

}
