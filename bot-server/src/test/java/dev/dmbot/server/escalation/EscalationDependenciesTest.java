package dev.dmbot.server.escalation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hand-over knows conversations only through the context (history, last message, the
 * flow's slots) and the outbound path; it never reaches into how events arrive or how the
 * bot decides, so the conversation can call it without a cycle.
 */
class EscalationDependenciesTest {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.dmbot.server");

	@Test
	void escalationsUseTheContextOutboundAndAccessButNotTheMessagePath() {
		noClasses().that()
			.resideInAPackage("..server.escalation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.webhook..", "..server.intake..", "..server.conversation..",
					"..server.workbook..", "..server.nlp..", "..server.leads..", "..server.playground..",
					"..server.admin..")
			.check(classes);
	}

	@Test
	void onlyTheConversationAndTheEscalationsUseTheEscalationService() {
		noClasses().that()
			.resideOutsideOfPackages("..server.escalation..", "..server.conversation..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..server.escalation..")
			.check(classes);
	}

}
