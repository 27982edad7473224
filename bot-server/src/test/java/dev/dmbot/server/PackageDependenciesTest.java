package dev.dmbot.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** A message flows one way through the feature packages; these rules keep it so. */
class PackageDependenciesTest {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.dmbot.server");

	@Test
	void nothingDependsOnTheWebhookOrTheConversation() {
		noClasses().that()
			.resideOutsideOfPackages("..webhook..", "..conversation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..webhook..", "..conversation..")
			.check(classes);
	}

	@Test
	void intentContextAndRulesKnowNothingOfHttpOrOfEachOther() {
		for (String feature : new String[] { "nlp", "context", "workbook" }) {
			noClasses().that()
				.resideInAPackage("..server." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "..server.outbound..",
						"..server.intake..")
				.check(classes);
		}
		noClasses().that()
			.resideInAPackage("..server.nlp..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.context..", "..server.workbook..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("..server.workbook..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.context..", "..server.nlp..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("..server.context..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.workbook..", "..server.nlp..")
			.check(classes);
	}

	@Test
	void theWorkbookImportsNoFeature() {
		// Features contribute their sheets through workbook.FeatureSheet; the workbook
		// reads, compiles and activates without knowing any of them.
		noClasses().that()
			.resideInAPackage("..server.workbook..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.flows..", "..server.escalation..", "..server.escalationpolicy..",
					"..server.guardrails..", "..server.messengerprofile..", "..server.products..", "..server.profile..",
					"..server.attribution..", "..server.leads..", "..server.followups..", "..server.conversation..",
					"..server.intake..", "..server.outbound..", "..server.webhook..", "..server.workbooktests..",
					"..server.admin..", "..server.playground..", "..server.cli..", "..server.contacts..",
					"..server.inbox..", "..server.privacy..", "..server.access..", "..server.context..",
					"..server.nlp..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("..server.workbook..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(ShippedSheets.class.getName())
			.check(classes);
	}

	@Test
	void theCommandLineUsesTheRulesAndTheIntentModelOnlyAndOnlyTheLauncherUsesIt() {
		noClasses().that()
			.resideInAPackage("..server.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "..server.webhook..", "..server.intake..",
					"..server.context..", "..server.conversation..", "..server.outbound..", "..server.escalation..",
					"..server.playground..", "..server.system..")
			.check(classes);
		noClasses().that()
			.resideOutsideOfPackages("..server.cli..")
			.and()
			.doNotHaveFullyQualifiedName(BotServerApplication.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..server.cli..")
			.check(classes);
	}

	@Test
	void theProfileLookupKnowsNothingOfWebhooksIntakeOrConversations() {
		noClasses().that()
			.resideInAPackage("..server.profile..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.webhook..", "..server.intake..", "..server.conversation..",
					"..server.context..", "..server.workbook..", "..server.outbound..")
			.check(classes);
	}

	@Test
	void theContactsApiStoresThroughTheContextOnly() {
		noClasses().that()
			.resideInAPackage("..server.contacts..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.webhook..", "..server.intake..", "..server.conversation..",
					"..server.workbook..", "..server.outbound..", "..server.profile..")
			.check(classes);
	}

	@Test
	void theIntakeDoesNotKnowWhatHappensToEvents() {
		noClasses().that()
			.resideInAPackage("..server.intake..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..server.outbound..", "..server.workbook..", "..server.nlp..", "..server.context..")
			.check(classes);
	}

}
