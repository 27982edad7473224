package dev.dmbot.server.products;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import dev.dmbot.server.entities.Product;
import dev.dmbot.server.entities.ProductCatalog;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbook.SingleSheet;
import dev.dmbot.server.workbook.CellSyntax;
import dev.dmbot.server.workbook.RuleTable;

/**
 * Reads the {@code Products} sheet: the products customers may name, for the rules'
 * {@code Has entity} column ({@code product: oak side table}), for flows and for
 * {@code {{entity.product}}} in replies. The first row holds the titles {@code Product}
 * and {@code Synonyms} (in any column order); each row below is a product and,
 * comma-separated, other words customers use for it in any language. The table ends at
 * the sheet's last row; empty rows are skipped. Every problem is a
 * {@link WorkbookCompileException} naming the cell.
 */
final class ProductsSheetReader {

	static final String NAME = "Products";

	static final int MAX_NAME = 60;

	private static final String SEE_README = "see rules/README.md, section \"The Products sheet\".";

	private ProductsSheetReader() {
	}

	static boolean holdsProducts(Sheet sheet) {
		return sheet.getSheetName().strip().equalsIgnoreCase(NAME);
	}

	/**
	 * The products of a set of workbooks, {@link ProductCatalog#EMPTY} when no workbook
	 * has the sheet.
	 * @throws WorkbookCompileException naming the cell to fix, or both workbooks when two
	 * have the sheet
	 */
	static ProductCatalog read(List<ParsedWorkbook> workbooks) {
		return new SingleSheet<>(ProductsSheetReader::holdsProducts, "a " + NAME + " sheet",
				"one set of rules has one list of products", ProductCatalog.EMPTY, ProductsSheetReader::read)
			.read(workbooks);
	}

	/**
	 * The products of the first workbook that has the sheet, without checking that no
	 * other has one: for the names other sheets may refer to before {@link #read} runs.
	 */
	static ProductCatalog readFirst(List<ParsedWorkbook> workbooks) {
		for (ParsedWorkbook workbook : workbooks) {
			try {
				for (Sheet sheet : workbook.sheets()) {
					if (holdsProducts(sheet)) {
						return read(workbook.name(), sheet);
					}
				}
			}
			catch (RuntimeException ex) {
				throw WorkbookCompileException.unreadable(workbook.name(), ex);
			}
		}
		return ProductCatalog.EMPTY;
	}

	private static ProductCatalog read(String workbook, Sheet sheet) {
		int nameColumn = -1;
		int synonymsColumn = -1;
		int titleRow = sheet.getFirstRowNum();
		if (titleRow >= 0 && sheet.getRow(titleRow) != null) {
			for (int c = 0; c < sheet.getRow(titleRow).getLastCellNum(); c++) {
				String title = RuleTable.text(sheet, titleRow, c).strip().toLowerCase(Locale.ROOT);
				if (title.equals("product") || title.equals("products") || title.equals("name")) {
					nameColumn = c;
				}
				else if (title.startsWith("synonym")) {
					synonymsColumn = c;
				}
			}
		}
		if (nameColumn < 0) {
			throw new WorkbookCompileException(workbook, sheet.getSheetName(), Math.max(titleRow, 0) + 1, "A", null,
					"the Products sheet has no column titled Product in its first row.",
					"write the titles Product and Synonyms in the first row, then one product a row; " + SEE_README,
					null);
		}
		String nameLetter = CellReference.convertNumToColString(nameColumn);
		String synonymsLetter = (synonymsColumn >= 0) ? CellReference.convertNumToColString(synonymsColumn) : null;
		List<Product> products = new ArrayList<>();
		Map<String, Integer> rowOfName = new HashMap<>();
		Map<String, Integer> rowOfTerm = new HashMap<>();
		for (int r = titleRow + 1; r <= sheet.getLastRowNum(); r++) {
			String name = RuleTable.text(sheet, r, nameColumn).strip();
			String synonymsCell = (synonymsColumn >= 0) ? RuleTable.text(sheet, r, synonymsColumn) : "";
			if (name.isEmpty()) {
				if (!synonymsCell.isBlank()) {
					throw new WorkbookCompileException(workbook, sheet.getSheetName(), r + 1, nameLetter, "",
							"this row has synonyms (" + synonymsCell.strip() + ") but no product name.",
							"write the product's name in column " + nameLetter + ", or delete the row.", null);
				}
				continue;
			}
			if (name.contains(",") || name.contains(":") || name.length() > MAX_NAME) {
				throw new WorkbookCompileException(workbook, sheet.getSheetName(), r + 1, nameLetter, name,
						"a product name may not hold a comma or a colon, nor be longer than " + MAX_NAME
								+ " characters: rules list products after \"product:\", separated by commas.",
						"write a short name such as oak side table, and other wordings in the Synonyms column.", null);
			}
			String key = CellSyntax.words(name).strip();
			Integer twice = rowOfName.putIfAbsent(key, r + 1);
			if (twice != null) {
				throw new WorkbookCompileException(workbook, sheet.getSheetName(), r + 1, nameLetter, name,
						"the product \"" + name + "\" is also listed in row " + twice + ".",
						"keep one row per product; put other wordings in its Synonyms cell.", null);
			}
			List<String> synonyms = CellSyntax.items(synonymsCell);
			for (String term : concat(name, synonyms)) {
				String folded = CellSyntax.words(term).strip();
				if (folded.isEmpty()) {
					continue;
				}
				Integer other = rowOfTerm.putIfAbsent(folded, r + 1);
				if (other != null && other != r + 1) {
					throw new WorkbookCompileException(
							workbook, sheet.getSheetName(), r + 1, term.equals(name) ? nameLetter : synonymsLetter,
							term.equals(name) ? name : synonymsCell, "\"" + term + "\" names the product of row "
									+ other + " too, so a message saying it" + " could mean either.",
							"keep \"" + term + "\" in one row only.", null);
				}
			}
			products.add(new Product(name, synonyms));
		}
		return new ProductCatalog(products);
	}

	private static List<String> concat(String name, List<String> synonyms) {
		List<String> all = new ArrayList<>();
		all.add(name);
		all.addAll(synonyms);
		return all;
	}

}
