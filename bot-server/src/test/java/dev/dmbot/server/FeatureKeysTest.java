package dev.dmbot.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import dev.dmbot.server.access.AccessKeys;
import dev.dmbot.server.accounts.AccountKeys;
import dev.dmbot.server.accounts.activity.ActivityKeys;
import dev.dmbot.server.attribution.AttributionKeys;
import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.conversation.CommentKeys;
import dev.dmbot.server.conversation.ConversationKeys;
import dev.dmbot.server.escalation.EscalationKeys;
import dev.dmbot.server.followups.FollowUpKeys;
import dev.dmbot.server.guardrails.GuardrailKeys;
import dev.dmbot.server.intake.StreamKeys;
import dev.dmbot.server.leads.LeadKeys;
import dev.dmbot.server.outbound.OutboundKeys;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;
import dev.dmbot.server.platform.redis.KeyRegistry;
import dev.dmbot.server.privacy.PrivacyKeys;
import dev.dmbot.server.profile.ProfileKeys;
import dev.dmbot.server.workbook.WorkbookKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key registry and the keys the features build agree: every family's template matches
 * the keys its feature's {@code *Keys} class builds, and only those; the strings are the
 * ones the previous release wrote, so its data is still read; every family has an example
 * here, so a new family cannot skip this check; and {@code REDIS-KEYS.md} at the root is
 * the table the registry gives.
 */
class FeatureKeysTest {

	static final String ACCOUNT = "17841405822304914";

	static final String SENDER = "5512345678901234";

	/**
	 * A key each feature builds, the string the previous release wrote, and its family.
	 */
	static final List<Example> EXAMPLES = List.of(
			new Example(ContextKeys.context(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:ctx",
					"context/ctx"),
			new Example(ContextKeys.log(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:log",
					"context/log"),
			new Example(AttributionKeys.touch(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:touch",
					"attribution/touch"),
			new Example(AttributionKeys.conversions(ACCOUNT), "bot:{17841405822304914}:conversions",
					"attribution/conversions"),
			new Example(ActivityKeys.activity(ACCOUNT), "bot:{17841405822304914}:activity", "accounts/activity"),
			new Example(AttributionKeys.recentConversions(ACCOUNT), "bot:{17841405822304914}:conversions:recent",
					"attribution/conversions-recent"),
			new Example(AttributionKeys.conversionsByTime(ACCOUNT), "bot:{17841405822304914}:conversions:by-time",
					"attribution/conversions-by-time"),
			new Example(AttributionKeys.conversionCredit(ACCOUNT), "bot:{17841405822304914}:conversions:credit",
					"attribution/conversion-credit"),
			new Example(AttributionKeys.EXPERIMENTS, "bot:experiments", "attribution/experiments"),
			new Example(ProfileKeys.profile(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:profile",
					"profile/profile"),
			new Example(AccessKeys.NAMES, "bot:{access}:token-names", "access/token-names"),
			new Example(AccessKeys.TOKEN_KEY_PREFIX + "9f86d081884c7d65", "bot:{access}:token:9f86d081884c7d65",
					"access/token"),
			new Example(AccountKeys.IDS, "bot:{accounts}:ids", "accounts/ids"),
			new Example(AccountKeys.account(ACCOUNT), "bot:{accounts}:account:17841405822304914", "accounts/account"),
			new Example(AccountKeys.login("q2Xv8kLm3Rt9Yb1Nw5Zc7Hd0Jf4Gp6Ts"),
					"bot:{accounts}:login:q2Xv8kLm3Rt9Yb1Nw5Zc7Hd0Jf4Gp6Ts", "accounts/login"),
			new Example(AccountKeys.refreshLease(ACCOUNT), "bot:{accounts}:refresh:17841405822304914",
					"accounts/refresh"),
			new Example(AccountKeys.REFUSED_IDS, "bot:{accounts}:refused", "accounts/refused-ids"),
			new Example(AccountKeys.REFUSED_PREFIX + ACCOUNT, "bot:{accounts}:refused:17841405822304914",
					"accounts/refused"),
			new Example(OutboundKeys.DEAD_LETTERS, "bot:dead-letters", "outbound/dead-letters"),
			new Example(OutboundKeys.SANDBOX_OUTBOX, "bot:sandbox:outbox", "outbound/sandbox-outbox"),
			new Example(OutboundKeys.MESSENGER_PROFILE_PUSHED, "bot:messenger-profile:pushed",
					"outbound/messenger-profile-pushed"),
			new Example(OutboundKeys.SANDBOX_MESSENGER_PROFILE, "bot:sandbox:messenger-profile",
					"outbound/sandbox-messenger-profile"),
			new Example(OutboundKeys.sendRate(ACCOUNT, 1767225600L), "bot:rate:{17841405822304914}:1767225600",
					"outbound/send-rate"),
			new Example(LeadKeys.LEAD_PREFIX + "01JGZ6Q5N8X3W4V5T6R7S8Y9Z0",
					"bot:{leads}:lead:01JGZ6Q5N8X3W4V5T6R7S8Y9Z0", "leads/lead"),
			new Example(LeadKeys.BY_TIME, "bot:{leads}:by-time", "leads/by-time"),
			new Example(LeadKeys.BY_ACCOUNT_PREFIX + ACCOUNT, "bot:{leads}:by-account:17841405822304914",
					"leads/by-account"),
			new Example(LeadKeys.SOURCE_PREFIX + ACCOUNT + ":" + SENDER + ":flow:Renovation quote",
					"bot:{leads}:source:17841405822304914:5512345678901234:flow:Renovation quote", "leads/source"),
			new Example(LeadKeys.DEAD_LETTERED, "bot:{leads}:dead-lettered", "leads/dead-lettered"),
			new Example(LeadKeys.DEAD_LETTERS, "bot:leads:dead-letters", "leads/dead-letters"),
			new Example(LeadKeys.PENDING, "bot:{leads}:pending", "leads/pending"),
			new Example(ConversationKeys.reply(ACCOUNT + ":" + SENDER, "message:m_AbC-123"),
					"bot:{17841405822304914:5512345678901234}:reply:message:m_AbC-123", "conversation/reply"),
			new Example(CommentKeys.ACCOUNTS, "bot:comments:accounts", "comments/accounts"),
			new Example(CommentKeys.replied(ACCOUNT, "17900000000000001"),
					"bot:comments:{17841405822304914}:replied:17900000000000001", "comments/replied"),
			new Example(CommentKeys.queue(ACCOUNT), "bot:comments:{17841405822304914}:queue", "comments/queue"),
			new Example(CommentKeys.inFlight(ACCOUNT), "bot:comments:{17841405822304914}:inflight",
					"comments/in-flight"),
			new Example(CommentKeys.sent(ACCOUNT), "bot:comments:{17841405822304914}:sent", "comments/sent"),
			new Example(GuardrailKeys.optOut(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:optout",
					"guardrails/opt-out"),
			new Example(GuardrailKeys.sent(ACCOUNT, SENDER, LocalDate.of(2026, 1, 1)),
					"bot:{17841405822304914:5512345678901234}:sent:2026-01-01", "guardrails/sent"),
			new Example(GuardrailKeys.disclosed(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:disclosed",
					"guardrails/disclosed"),
			new Example(WorkbookKeys.SEQUENCE, "bot:rules:sequence", "workbook/sequence"),
			new Example(WorkbookKeys.ACTIVE, "bot:rules:active", "workbook/active"),
			new Example(WorkbookKeys.VERSIONS, "bot:rules:versions", "workbook/versions"),
			new Example(WorkbookKeys.version(12), "bot:rules:version:12", "workbook/version"),
			new Example(WorkbookKeys.LOCK, "bot:rules:lock", "workbook/lock"),
			new Example(WorkbookKeys.BY_HASH, "bot:rules:by-hash", "workbook/by-hash"),
			new Example(WorkbookKeys.TESTED + "e3b0c44298fc1c14:0.1.0-SNAPSHOT",
					"bot:rules:tested:e3b0c44298fc1c14:0.1.0-SNAPSHOT", "workbook/tested"),
			new Example(PrivacyKeys.deletion("ABCDEFGHJKLMNPQRSTUV"), "bot:{privacy}:deletion:ABCDEFGHJKLMNPQRSTUV",
					"privacy/deletion"),
			new Example(PrivacyKeys.DELETIONS_DUE, "bot:{privacy}:deletions:due", "privacy/deletions-due"),
			new Example(PrivacyKeys.FORGET, "bot:{privacy}:forget", "privacy/forget"),
			new Example(FollowUpKeys.followUp(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:followup",
					"followups/follow-up"),
			new Example(FollowUpKeys.DUE, "bot:followups:due", "followups/due"),
			new Example(StreamKeys.stream(3), "bot:events:{p3}", "intake/events"),
			new Example(StreamKeys.lease(3), "bot:lease:{p3}", "intake/lease"),
			new Example(StreamKeys.seen(ACCOUNT + ":" + SENDER, "message:m_AbC-123"),
					"bot:{17841405822304914:5512345678901234}:seen:message:m_AbC-123", "intake/seen"),
			new Example(StreamKeys.FAILED, "bot:events:failed", "intake/failed"),
			new Example(StreamKeys.held(ACCOUNT), "bot:events:held:{17841405822304914}", "intake/held"),
			new Example(StreamKeys.heldRelease(ACCOUNT), "bot:events:held:{17841405822304914}:release",
					"intake/held-release"),
			new Example(StreamKeys.INSTANCES, "bot:instances", "intake/instances"),
			new Example(EscalationKeys.ACCOUNTS, "bot:escalations:accounts", "escalation/accounts"),
			new Example(EscalationKeys.TEAMS, "bot:escalations:teams", "escalation/teams"),
			new Example(EscalationKeys.ID_PREFIX + "01JGZ6Q5N8X3W4V5T6R7S8Y9Z0",
					"bot:escalations:id:01JGZ6Q5N8X3W4V5T6R7S8Y9Z0", "escalation/id"),
			new Example(EscalationKeys.pointer(ACCOUNT, SENDER), "bot:{17841405822304914:5512345678901234}:escalation",
					"escalation/pointer"),
			new Example(EscalationKeys.escalation(ACCOUNT, SENDER, "01JGZ6Q5N8X3W4V5T6R7S8Y9Z0"),
					"bot:{17841405822304914:5512345678901234}:escalation:01JGZ6Q5N8X3W4V5T6R7S8Y9Z0",
					"escalation/escalation"),
			new Example(EscalationKeys.notes(ACCOUNT, SENDER, "01JGZ6Q5N8X3W4V5T6R7S8Y9Z0"),
					"bot:{17841405822304914:5512345678901234}:escalation:01JGZ6Q5N8X3W4V5T6R7S8Y9Z0:notes",
					"escalation/notes"),
			new Example(EscalationKeys.open(ACCOUNT), "bot:escalations:{17841405822304914}:open", "escalation/open"),
			new Example(EscalationKeys.all(ACCOUNT), "bot:escalations:{17841405822304914}:all", "escalation/all"),
			new Example(EscalationKeys.teamOpen("sales"), "bot:escalations:team:sales:open", "escalation/team-open"),
			new Example(EscalationKeys.NOTIFY_PENDING, "bot:escalations:notify:pending", "escalation/notify-pending"),
			new Example(EscalationKeys.NOTIFY_DEAD_LETTERS, "bot:escalations:notify:dead-letters",
					"escalation/notify-dead-letters"));

	/** Every feature's keys, as the server collects them. */
	static KeyRegistry registry() {
		List<FeatureKeys> features = new ArrayList<>();
		for (JavaClass type : PackageDependenciesTest.classes) {
			if (type.isAssignableTo(FeatureKeys.class) && !type.isInterface()) {
				try {
					features.add((FeatureKeys) type.reflect().getDeclaredConstructor().newInstance());
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(type.getName() + " needs a constructor without arguments", ex);
				}
			}
		}
		features.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
		return new KeyRegistry(features);
	}

	@Test
	void everyFeaturesKeysAreABeanAndTheRegistryTakesThem() {
		List<JavaClass> implementations = PackageDependenciesTest.classes.stream()
			.filter((type) -> type.isAssignableTo(FeatureKeys.class) && !type.isInterface())
			.toList();

		assertThat(implementations).hasSizeGreaterThanOrEqualTo(13)
			.allMatch((type) -> type.isAnnotatedWith(Component.class), "a @Component");
		assertThat(registry().families()).isNotEmpty();
	}

	@Test
	void theFeaturesBuildTheKeysThePreviousReleaseWroteAndEachMatchesItsOwnFamilyOnly() {
		KeyRegistry registry = registry();
		for (Example example : EXAMPLES) {
			assertThat(example.built()).as("the key of %s", example.family()).isEqualTo(example.previously());
			assertThat(registry.familiesOf(example.built())).as("the families of %s", example.built())
				.extracting(KeyFamily::id)
				.containsExactly(example.family());
		}
	}

	@Test
	void everyFamilyHasAnExampleHere() {
		assertThat(registry().families()).extracting(KeyFamily::id)
			.containsExactlyInAnyOrderElementsOf(EXAMPLES.stream().map(Example::family).toList());
	}

	@Test
	void keyStringsAreBuiltOnlyInTheFeaturesKeysClasses() throws IOException {
		List<String> elsewhere = new ArrayList<>();
		try (var files = Files.walk(Path.of("src", "main", "java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				boolean keysClass = file.getFileName().toString().endsWith("Keys.java")
						|| file.toString().contains("platform" + java.io.File.separator + "redis");
				if (!keysClass && Files.readString(file, StandardCharsets.UTF_8).contains("\"bot:")) {
					elsewhere.add(file.toString());
				}
			}
		}

		assertThat(elsewhere)
			.as("classes that build a Redis key outside their feature's *Keys class: "
					+ "move the key there and declare its family")
			.isEmpty();
	}

	/**
	 * {@code REDIS-KEYS.md} is generated from the registry. After adding or changing a
	 * family, rewrite it: {@code ./mvnw -pl bot-server test -Dtest=FeatureKeysTest
	 * -Dkeys.table.write=true}.
	 */
	@Test
	void theKeyTableIsTheRegistrys() throws IOException {
		Path file = Path.of("..", "REDIS-KEYS.md");
		String table = table(registry());
		if (Boolean.getBoolean("keys.table.write")) {
			Files.writeString(file, table, StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
			.as("REDIS-KEYS.md is out of date: rewrite it with "
					+ "./mvnw -pl bot-server test -Dtest=FeatureKeysTest -Dkeys.table.write=true")
			.isEqualTo(table);
	}

	static String table(KeyRegistry registry) {
		StringBuilder text = new StringBuilder();
		text.append("# Redis keys\n\n")
			.append("Generated from the key registry (`platform.redis.KeyRegistry`) by `FeatureKeysTest`; do not edit by ")
			.append("hand. Each feature names its keys in its `*Keys` class; data deletion and this table are derived ")
			.append("from them. A `<part>` is one variable part without `:`; a `<part...>` may hold `:`.\n\n")
			.append("| family | key | scope | one person's data on deletion | kept |\n")
			.append("|---|---|---|---|---|\n");
		Map<String, List<KeyFamily>> byFeature = new LinkedHashMap<>();
		registry.families()
			.forEach((family) -> byFeature.computeIfAbsent(family.feature(), (f) -> new ArrayList<>()).add(family));
		byFeature.values()
			.stream()
			.flatMap(List::stream)
			.forEach((family) -> text.append("| ")
				.append(family.id())
				.append(" | `")
				.append(family.template())
				.append("` | ")
				.append(family.scope().name().toLowerCase(java.util.Locale.ROOT))
				.append(" | ")
				.append(family.erasure().describe())
				.append(" | ")
				.append(family.retention())
				.append(" |\n"));
		return text.toString();
	}

	record Example(String built, String previously, String family) {
	}

}
