package dev.dmbot.server.workbook;

/**
 * The Java names a decision table's settings rows (Import, Variables) give the fact and
 * the decision. Workbooks name them in the package these classes lived in before it was
 * renamed, {@code dev.dmbot.server.rules}, as rules/README.md shows analysts; that name
 * stays the workbook format, and the current package's name is accepted as well.
 */
final class SettingNames {

	/** The package workbooks name, part of the workbook format. */
	static final String WORKBOOK_PACKAGE = "dev.dmbot.server.rules.";

	private static final String JAVA_PACKAGE = SettingNames.class.getPackageName() + ".";

	/** The fact the conditions look at, as workbooks name it. */
	static final String FACT = WORKBOOK_PACKAGE + IncomingMessage.class.getSimpleName();

	/** Where the actions write, as workbooks name it. */
	static final String DECISION = WORKBOOK_PACKAGE + DecisionSink.class.getSimpleName();

	private SettingNames() {
	}

	/** The Java class a name written in a settings row means. */
	static String javaName(String written) {
		return written.startsWith(WORKBOOK_PACKAGE) ? JAVA_PACKAGE + written.substring(WORKBOOK_PACKAGE.length())
				: written;
	}

	/** DRL generated from a workbook, its imports and globals naming the Java classes. */
	static String inDrl(String drl) {
		return drl.replace(WORKBOOK_PACKAGE, JAVA_PACKAGE);
	}

}
