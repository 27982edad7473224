package dev.dmbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dmbot.server.workbook.FeatureSheet;

/**
 * The server finds the features' sheets as Spring beans, the command line and tests in
 * {@link ShippedSheets}: both must list the same sheets in the same order.
 */
class ShippedSheetsTest {

	@Test
	void everyFeatureSheetIsShippedAndABean() {
		List<JavaClass> implementations = PackageDependenciesTest.classes.stream()
			.filter((type) -> type.isAssignableTo(FeatureSheet.class) && !type.isInterface())
			.toList();

		assertThat(ShippedSheets.all()).extracting((sheet) -> sheet.getClass().getName())
			.containsExactlyInAnyOrderElementsOf(implementations.stream().map(JavaClass::getName).toList());
		assertThat(implementations).allMatch((type) -> type.isAnnotatedWith(Component.class), "a @Component");
	}

	@Test
	void theBeansAreOrderedAsTheList() {
		List<Integer> orders = ShippedSheets.all()
			.stream()
			.map((sheet) -> sheet.getClass().getAnnotation(Order.class).value())
			.toList();

		assertThat(orders).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void noTwoSheetsCompileToTheSamePart() {
		assertThat(ShippedSheets.all()).extracting(FeatureSheet::part).doesNotHaveDuplicates();
	}

}
