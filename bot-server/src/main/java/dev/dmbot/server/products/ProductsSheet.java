package dev.dmbot.server.products;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dmbot.server.entities.Product;
import dev.dmbot.server.entities.ProductCatalog;
import dev.dmbot.server.workbook.FeatureSheet;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetVocabulary;

/**
 * The Products sheet, which at most one workbook of a set has: the products messages are
 * searched for (see {@link ProductsSheetReader}). A {@code Has entity} cell of a decision
 * table may name one, so their names are read before the tables; two such sheets are
 * refused after the tables, once clashes between Replies tables are told.
 */
@Component
@Order(50)
public final class ProductsSheet implements FeatureSheet<ProductCatalog> {

	@Override
	public Class<ProductCatalog> part() {
		return ProductCatalog.class;
	}

	@Override
	public boolean holds(Sheet sheet) {
		return ProductsSheetReader.holdsProducts(sheet);
	}

	@Override
	public SheetVocabulary name(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return vocabulary
			.withProducts(ProductsSheetReader.readFirst(workbooks).products().stream().map(Product::name).toList());
	}

	@Override
	public ProductCatalog read(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return ProductsSheetReader.read(workbooks);
	}

}
