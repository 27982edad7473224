package dev.dmbot.server;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the server as ARCHITECTURE.md draws it, checked on every build: top-level
 * packages form no cycle, and no feature reaches into another feature's {@code internal}
 * package.
 */
class ArchitectureTest {

	static final String ROOT = "dev.dmbot.server";

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void topLevelPackagesFormNoCycle() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void noFeatureReachesIntoAnotherFeaturesInternals() {
		classes().should(onlyUseTheirOwnInternals()).check(classes);
	}

	/**
	 * Jedis types and exceptions stay inside {@code platform}, so that a feature sees
	 * transient or permanent failures and named keys, never a connection. The code that
	 * still calls Jedis directly is listed in {@code src/test/resources/archunit_store}
	 * (frozen): this fails on any new use, and the list only shrinks as features move
	 * onto the platform package (ArchUnit drops an entry once its use is gone).
	 */
	@Test
	void onlyThePlatformPackageTalksToRedis() {
		FreezingArchRule
			.freeze(noClasses().that()
				.resideOutsideOfPackage(ROOT + ".platform..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage("redis.clients..")
				.as("only the platform package uses redis.clients (Jedis)"))
			.check(classes);
	}

	/**
	 * The top-level package a class belongs to: {@code escalation} for
	 * {@code ...escalation.internal.X}.
	 */
	static String feature(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith(ROOT + ".")) {
			return "";
		}
		String rest = name.substring(ROOT.length() + 1);
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

	static boolean isInternal(JavaClass type) {
		String name = type.getPackageName();
		return name.startsWith(ROOT + ".") && (name.endsWith(".internal") || name.contains(".internal."));
	}

	private static ArchCondition<JavaClass> onlyUseTheirOwnInternals() {
		return new ArchCondition<>("use no other feature's internal package") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				type.getDirectDependenciesFromSelf().forEach((dependency) -> {
					JavaClass target = dependency.getTargetClass();
					if (isInternal(target) && !feature(target).equals(feature(type))) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": only "
								+ feature(target) + " itself may use " + target.getPackageName()));
					}
				});
			}
		};
	}

}
