package dev.dmbot.server.entities;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The parsers are a pure core every feature may call: they call no feature, no Spring, no
 * Redis, no HTTP.
 */
class EntitiesDependenciesTest {

	@Test
	void theParsersDependOnTheJdkAndLibphonenumberOnly() {
		JavaClasses entities = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.dmbot.server.entities");
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.dmbot.server.entities..", "java..", "com.google.i18n.phonenumbers..")
			.check(entities);
	}

}
