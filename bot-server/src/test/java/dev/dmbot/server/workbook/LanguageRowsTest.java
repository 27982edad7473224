package dev.dmbot.server.workbook;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.ShippedSheets;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Replies in the customer's language (the Reply (pt) columns and the like, falling back
 * to Reply), the Language and Has entity conditions, the Products sheet, and what a load
 * rejects about them.
 */
class LanguageRowsTest {

	private static final Entities PARSERS = Entities.of(TestWorkbooks.CLOCK, ZoneId.of("Europe/Lisbon"), "PT", "EUR");

	private static final String[][] PRODUCTS = { { "Product", "Synonyms" },
			{ "oak side table", "mesa de apoio, mesita de roble, side table" }, { "linen sofa", "sofá de linho, sofa" },
			{ "candle", "vela, velas, candles" } };

	private static CompiledRules compiles(WorkbookBuilder builder) {
		return ShippedSheets.compile(List.of(builder.build()), TestWorkbooks.CLOCK.instant());
	}

	private static WorkbookCompileException rejected(WorkbookBuilder builder) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compiles(builder));
		assertThat(error).as("the workbook should be refused").isNotNull();
		return error;
	}

	private static WorkbookBuilder translated() {
		return workbook("shop.xlsx").withLanguageColumns()
			.rule("B", "shipping", "G", "We ship all over Portugal.", "H", "Order status>ORDER; Talk to a person>HUMAN",
					"R", "Enviamos para todo o país.", "S", "Enviamos a todo Portugal.", "T",
					"Estado da encomenda>ORDER; Falar com alguém>HUMAN", "U",
					"Hablar con alguien>HUMAN; Estado del pedido>ORDER")
			.rule("B", "returns", "G", "30 days to return.", "R", "30 dias para devolver.");
	}

	private static Response answer(CompiledRules rules, String intent, String text, String language) {
		DecisionRequest request = new DecisionRequest("message", intent, 0.9, text, null, null, "", Set.of(), 1,
				Map.of(), null, language, rules.entitiesOf(text, PARSERS, language));
		return Responder.withDefaults(TestWorkbooks.CLOCK)
			.respond(rules, request, FlowMemory.EMPTY, TestWorkbooks.CLOCK.instant());
	}

	@Test
	void theCustomerGetsTheReplyAndButtonsOfTheirLanguage() {
		CompiledRules rules = compiles(translated());

		Response pt = answer(rules, "shipping", "enviam para lisboa?", "pt");
		Response es = answer(rules, "shipping", "enviáis a Madrid?", "es");

		assertThat(pt.reply()).isEqualTo("Enviamos para todo o país.");
		assertThat(pt.quickReplies()).containsExactly(new QuickReply("Estado da encomenda", "ORDER"),
				new QuickReply("Falar com alguém", "HUMAN"));
		assertThat(es.reply()).isEqualTo("Enviamos a todo Portugal.");
		assertThat(es.quickReplies()).extracting(QuickReply::payload).containsExactly("HUMAN", "ORDER");
	}

	@Test
	void aLanguageWithoutItsOwnCellGetsTheFallbackReply() {
		CompiledRules rules = compiles(translated());

		assertThat(answer(rules, "shipping", "do you ship?", "en").reply()).isEqualTo("We ship all over Portugal.");
		assertThat(answer(rules, "shipping", "livrez-vous?", "fr").reply()).isEqualTo("We ship all over Portugal.");
		assertThat(answer(rules, "returns", "devoluciones?", "es").reply()).isEqualTo("30 days to return.");
		Response untranslatedButtons = answer(rules, "returns", "devolver?", "pt");
		assertThat(untranslatedButtons.reply()).isEqualTo("30 dias para devolver.");
	}

	@Test
	void anABTestedReplyIsAnsweredWithTheSameWordingInTheCustomersLanguage() {
		CompiledRules rules = compiles(workbook("shop.xlsx").withLanguageColumns()
			.rule("B", "pricing", "G", "A: Cushions from €24.\nB: Cushions cost €24 and up.", "R",
					"A: Almofadas desde 24 €.\nB: As almofadas custam a partir de 24 €."));
		DecisionRequest request = new DecisionRequest("message", "pricing", 0.9, "preço?", null, null, "", Set.of(), 1,
				Map.of(), null, "pt", ExtractedEntities.none());

		Response b = Responder.withDefaults(TestWorkbooks.CLOCK)
			.respond(rules, request, FlowMemory.EMPTY, TestWorkbooks.CLOCK.instant(), (experiment) -> "B");

		assertThat(b.reply()).isEqualTo("As almofadas custam a partir de 24 €.");
		assertThat(b.exposure().variant()).isEqualTo("B");
	}

	@Test
	void theLanguageConditionPicksARowForSomeLanguages() {
		CompiledRules rules = compiles(workbook("shop.xlsx").withLanguageColumns()
			.rule("B", "shipping", "P", "es", "G", "Para España: 4-7 días laborables.")
			.rule("B", "shipping", "G", "We ship all over Portugal."));

		assertThat(answer(rules, "shipping", "envío a Madrid?", "es").reply())
			.isEqualTo("Para España: 4-7 días laborables.");
		assertThat(answer(rules, "shipping", "do you ship?", "en").reply()).isEqualTo("We ship all over Portugal.");
	}

	@Test
	void theHasEntityConditionSeesProductsEmailsAndAmountsInEveryLanguage() {
		CompiledRules rules = compiles(workbook("shop.xlsx").withLanguageColumns()
			.productRows(PRODUCTS)
			.rule("Q", "product: oak side table", "G", "The {{entity.product}} is €149.")
			.rule("Q", "product: linen sofa, candle", "G", "Sofas and candles: see {{entity.product}}.")
			.rule("Q", "email", "G", "Thanks, we'll write to {{entity.email}}.")
			.rule("Q", "money", "G", "Noted: a budget of {{entity.money}}."));

		assertThat(render(rules, "how much is the side table?", "en")).isEqualTo("The oak side table is €149.");
		assertThat(render(rules, "quanto custa a mesa de apoio?", "pt")).isEqualTo("The oak side table is €149.");
		assertThat(render(rules, "cuánto vale la mesita de roble?", "es")).isEqualTo("The oak side table is €149.");
		assertThat(render(rules, "têm velas de soja?", "pt")).isEqualTo("Sofas and candles: see candle.");
		assertThat(render(rules, "o meu email é Ana@Sapo.PT", "pt")).isEqualTo("Thanks, we'll write to Ana@sapo.pt.");
		assertThat(render(rules, "tengo unos 2,5 mil euros", "es")).isEqualTo("Noted: a budget of 2500 EUR.");
		assertThat(render(rules, "hello", "en")).isEqualTo(WorkbookBuilder.CATCH_ALL_REPLY);
	}

	private static String render(CompiledRules rules, String text, String language) {
		ExtractedEntities entities = rules.entitiesOf(text, PARSERS, language);
		Response response = answer(rules, "unknown", text, language);
		return ReplyTemplate.render(response.reply(), Map.of(), Map.of(), "", "unknown", language, entities);
	}

	@Test
	void aTranslationWithoutAFallbackReplyIsRejected() {
		WorkbookCompileException error = rejected(
				workbook("shop.xlsx").withLanguageColumns().rule("B", "shipping", "R", "Enviamos para todo o país."));

		assertThat(error).hasMessageContaining("shop.xlsx, sheet Replies, row 13, column R")
			.hasMessageContaining("its Reply cell, the one every other language gets, is empty");
	}

	@Test
	void aTranslationOfAnABTestMustHoldTheSameWordings() {
		WorkbookCompileException single = rejected(workbook("shop.xlsx").withLanguageColumns()
			.rule("B", "pricing", "G", "A: From €24.\nB: €24 and up.", "S", "Desde 24 €."));
		WorkbookCompileException missing = rejected(workbook("shop.xlsx").withLanguageColumns()
			.rule("B", "pricing", "G", "A: From €24.\nB: €24 and up.\nC: Cheap!", "R",
					"A: Desde 24 €.\nB: 24 € ou mais."));

		assertThat(single).hasMessageContaining("row 13, column S")
			.hasMessageContaining("the Reply of this row is an A/B test")
			.hasMessageContaining("starting with the same letters: A, B");
		assertThat(missing).hasMessageContaining("row 13, column R")
			.hasMessageContaining("the Reply tests the wordings A, B, C but this translation has A, B");
	}

	@Test
	void translatedButtonsMustLeadToTheSamePayloads() {
		WorkbookCompileException error = rejected(workbook("shop.xlsx").withLanguageColumns()
			.rule("B", "shipping", "G", "We ship.", "H", "Order status>ORDER; Talk to a person>HUMAN", "T",
					"Estado>ORDER; Pessoa>PERSON"));

		assertThat(error).hasMessageContaining("row 13, column T")
			.hasMessageContaining("missing: HUMAN")
			.hasMessageContaining("not in the Quick replies cell: PERSON")
			.hasMessageContaining("keep each >PAYLOAD");
	}

	@Test
	void aLanguageCellHoldsTwoLetterCodes() {
		WorkbookCompileException error = rejected(
				workbook("shop.xlsx").withLanguageColumns().rule("B", "shipping", "P", "pt, spanish", "G", "We ship."));

		assertThat(error).hasMessageContaining("row 13, column P")
			.hasMessageContaining("\"spanish\" is not a two-letter language code");
	}

	@Test
	void aTranslatedColumnNamesItsLanguageInTheCodeRow() {
		WorkbookCompileException error = rejected(workbook("shop.xlsx").withLanguageColumns()
			.code("R", "decision.replyIn(\"portuguese\", \"$param\");")
			.rule("B", "shipping", "G", "We ship."));

		assertThat(error).hasMessageContaining("sheet Replies, row 11, column R")
			.hasMessageContaining("names no two-letter language code (it reads \"portuguese\")");
	}

	@Test
	void aHasEntityCellNamesKnownKindsAndProducts() {
		WorkbookCompileException kind = rejected(
				workbook("shop.xlsx").withLanguageColumns().productRows(PRODUCTS).rule("Q", "emial", "G", "Thanks."));
		WorkbookCompileException product = rejected(workbook("shop.xlsx").withLanguageColumns()
			.productRows(PRODUCTS)
			.rule("Q", "product: oak side tabel", "G", "Thanks."));
		WorkbookCompileException named = rejected(
				workbook("shop.xlsx").withLanguageColumns().rule("Q", "email: ana@sapo.pt", "G", "Thanks."));

		assertThat(kind).hasMessageContaining("row 13, column Q")
			.hasMessageContaining("unknown entity \"emial\" — did you mean \"email\"?");
		assertThat(product).hasMessageContaining("row 13, column Q")
			.hasMessageContaining("no row of the Products sheet names the product \"oak side tabel\"")
			.hasMessageContaining("did you mean \"oak side table\"?");
		assertThat(named).hasMessageContaining("only products are named in this column");
	}

	@Test
	void theProductsSheetIsCheckedRowByRow() {
		WorkbookCompileException twice = rejected(
				workbook("shop.xlsx").productRows(new String[] { "Product", "Synonyms" },
						new String[] { "linen sofa", "sofa" }, new String[] { "velvet sofa", "sofa, sofá de veludo" }));
		WorkbookCompileException noName = rejected(
				workbook("shop.xlsx").productRows(new String[] { "Product", "Synonyms" }, new String[] { "", "vela" }));
		WorkbookCompileException noTitle = rejected(
				workbook("shop.xlsx").productRows(new String[] { "Item", "Synonyms" }, new String[] { "candle" }));
		WorkbookCompileException comma = rejected(workbook("shop.xlsx")
			.productRows(new String[] { "Product", "Synonyms" }, new String[] { "sofa, linen" }));

		assertThat(twice).hasMessageContaining("shop.xlsx, sheet Products, row 3, column B")
			.hasMessageContaining("\"sofa\" names the product of row 2 too");
		assertThat(noName).hasMessageContaining("sheet Products, row 2, column A")
			.hasMessageContaining("synonyms (vela) but no product name");
		assertThat(noTitle).hasMessageContaining("sheet Products, row 1, column A")
			.hasMessageContaining("no column titled Product");
		assertThat(comma).hasMessageContaining("row 2, column A").hasMessageContaining("may not hold a comma");
	}

}
