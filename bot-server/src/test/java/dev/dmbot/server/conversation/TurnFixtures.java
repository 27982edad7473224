package dev.dmbot.server.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.intake.Envelope;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.MessageReceived;
import dev.dmbot.server.intake.PostbackTapped;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.nlp.NlpProperties;

/**
 * Plain objects for the turn's steps: events, contexts, and the shipped workbook with a
 * daily cap of 3 and a disclosure line (compiled once, as it takes a few seconds).
 */
final class TurnFixtures {

	static final String ACCOUNT = "17841405822304914";

	static final String SENDER = "6102938475610293";

	static final Instant NOW = Instant.parse("2026-03-04T10:15:30Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final String DISCLOSURE = "You are chatting with Lumen & Oak's automated assistant.";

	private static DecisionEngine engine;

	private TurnFixtures() {
	}

	static synchronized DecisionEngine engineWithCapAndDisclosure() {
		if (engine == null) {
			engine = new DecisionEngine(
					ShippedSheets.compile(List.of(new Workbook("lumen-oak.xlsx", shippedWithCapAndDisclosure())), NOW),
					ShippedSheets.all());
		}
		return engine;
	}

	/**
	 * Every account answered with the shipped workbook of
	 * {@link #engineWithCapAndDisclosure}.
	 */
	static AccountRules rulesWithCapAndDisclosure() {
		return new AccountRules(engineWithCapAndDisclosure(), NlpProperties.defaults());
	}

	static Guardrails guardrails() {
		return new Guardrails(rulesWithCapAndDisclosure(), new SimpleMeterRegistry(), CLOCK);
	}

	static InboundEvent textMessage(String text) {
		return new MessageReceived(envelope(), "mid.1", text, List.of(), null, null);
	}

	static InboundEvent postback(String title, String payload) {
		return new PostbackTapped(envelope(), "mid.2", title, payload, null);
	}

	private static Envelope envelope() {
		return new Envelope(ACCOUNT, SENDER, NOW.toEpochMilli(), NOW.toEpochMilli() + 5, false, "{}");
	}

	static ConversationContext newContact() {
		return ConversationContext.newContact(ACCOUNT, SENDER);
	}

	static ConversationContext returning(String state, long inboundCount, long unknownStreak) {
		return new ConversationContext(ACCOUNT, SENDER, NOW.minusSeconds(3600), NOW.minusSeconds(60), state, "greeting",
				inboundCount, unknownStreak, Set.of("vip"), Map.of("first_name", "Ana"), FlowMemory.EMPTY, "en");
	}

	static Understanding understood(ConversationContext context, String intent) {
		return new Understanding(new DetectedLanguage("en", DetectedLanguage.Source.MESSAGE), context,
				new Intent(intent, 0.93), ExtractedEntities.none());
	}

	static Guardrails.Marks marks(long sentToday, boolean disclosed) {
		return new Guardrails.Marks(false, sentToday, NOW.atZone(ZoneOffset.UTC).toLocalDate(), disclosed);
	}

	private static byte[] shippedWithCapAndDisclosure() {
		try (InputStream in = Files.newInputStream(Path.of("..", "rules", "lumen-oak.xlsx"));
				XSSFWorkbook poi = new XSSFWorkbook(in)) {
			Sheet sheet = poi.getSheet("Guardrails");
			set(sheet, "Daily message cap", "3");
			set(sheet, "Disclosure", DISCLOSURE);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void set(Sheet sheet, String setting, String value) {
		for (var row : sheet) {
			if (row.getCell(0) != null && setting.equals(row.getCell(0).getStringCellValue())) {
				row.createCell(1).setCellValue(value);
				return;
			}
		}
		throw new IllegalStateException("no " + setting + " row in the Guardrails sheet");
	}

}
