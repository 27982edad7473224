package dev.dmbot.server;

import java.time.Instant;
import java.util.List;

import dev.dmbot.server.escalationpolicy.EscalationsSheet;
import dev.dmbot.server.flows.FlowsSheet;
import dev.dmbot.server.guardrails.GuardrailsSheet;
import dev.dmbot.server.messengerprofile.ProfileSheet;
import dev.dmbot.server.products.ProductsSheet;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.FeatureSheet;
import dev.dmbot.server.workbook.Workbook;

/**
 * The features' sheets this build reads besides the decision tables, in the order the
 * server reads them (each is also a Spring bean of its feature, ordered the same way):
 * for the command line and tests, which compile workbooks without Spring. A new sheet is
 * added here and as a bean; {@code ShippedSheetsTest} checks the two agree.
 */
public final class ShippedSheets {

	private static final List<FeatureSheet<?>> ALL = List.of(new FlowsSheet(), new EscalationsSheet(),
			new GuardrailsSheet(), new ProfileSheet(), new ProductsSheet());

	private ShippedSheets() {
	}

	/** Every shipped sheet, flows first: the others may name the flows' slots. */
	public static List<FeatureSheet<?>> all() {
		return ALL;
	}

	/**
	 * Compiles workbooks with every shipped sheet.
	 * @throws dev.dmbot.server.workbook.WorkbookCompileException naming the file, sheet,
	 * row and column to fix
	 */
	public static CompiledRules compile(List<Workbook> workbooks, Instant compiledAt) {
		return CompiledRules.compile(workbooks, compiledAt, ALL);
	}

}
