package dev.dmbot.server.leads;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadCsvTest {

	@Test
	void headerHasTheFixedColumnsThenOneColumnPerSlotNameInTheOrderFirstSeen() {
		Lead first = lead("01A", slots("name", "Ana", "email", "ana@example.com"));
		Lead second = lead("01B", slots("email", "bo@example.com", "budget", "5000"));

		List<List<String>> rows = Csv.parse(LeadCsv.write(List.of(first, second)));

		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).startsWith("id", "created_at", "updated_at", "status")
			.endsWith("last_error", "name", "email", "budget");
		int name = rows.get(0).indexOf("name");
		assertThat(rows.get(1).get(name)).isEqualTo("Ana");
		assertThat(rows.get(2).get(name)).isEmpty();
		assertThat(rows.get(2).get(rows.get(0).indexOf("budget"))).isEqualTo("5000");
		assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(rows.get(0).size()));
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedAndComeBackUnchanged() {
		String awkward = "Say \"hi\", then\r\nleave\nnow";
		Lead lead = lead("01C", slots("note", awkward, "plain", "x"));

		String csv = LeadCsv.write(List.of(lead));
		List<List<String>> rows = Csv.parse(csv);

		assertThat(csv).contains("\"Say \"\"hi\"\", then\r\nleave\nnow\"").endsWith("\r\n");
		assertThat(rows.get(1).get(rows.get(0).indexOf("note"))).isEqualTo(awkward);
		assertThat(rows.get(1).get(rows.get(0).indexOf("plain"))).isEqualTo("x");
	}

	@Test
	void aSlotNamedLikeAFixedColumnGetsItsOwnHeader() {
		List<List<String>> rows = Csv.parse(LeadCsv.write(List.of(lead("01D", slots("status", "married")))));

		assertThat(rows.get(0)).contains("status", "slot.status");
		assertThat(rows.get(1).get(rows.get(0).indexOf("slot.status"))).isEqualTo("married");
		assertThat(rows.get(1).get(rows.get(0).indexOf("status"))).isEqualTo("new");
	}

	@Test
	void slotValuesASpreadsheetWouldRunAsFormulasOpenAsText() {
		Lead lead = lead("01E", slots("name", "=HYPERLINK(\"http://evil\",\"x\")", "phone", "+351912345678", "city",
				"@Porto", "note", "-1+2", "email", "ana@example.com"));

		List<List<String>> rows = Csv.parse(LeadCsv.write(List.of(lead)));

		assertThat(rows.get(1).get(rows.get(0).indexOf("name"))).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(rows.get(1).get(rows.get(0).indexOf("phone"))).isEqualTo("'+351912345678");
		assertThat(rows.get(1).get(rows.get(0).indexOf("city"))).isEqualTo("'@Porto");
		assertThat(rows.get(1).get(rows.get(0).indexOf("note"))).isEqualTo("'-1+2");
		assertThat(rows.get(1).get(rows.get(0).indexOf("email"))).isEqualTo("ana@example.com");
	}

	@Test
	void noLeadsIsJustTheHeader() {
		assertThat(LeadCsv.write(List.of())).isEqualTo(String.join(",", LeadCsv.FIXED) + "\r\n");
	}

	private static Map<String, String> slots(String... namesAndValues) {
		Map<String, String> slots = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			slots.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return slots;
	}

	private static Lead lead(String id, Map<String, String> slots) {
		Instant at = Instant.parse("2026-05-01T10:00:00Z");
		return new Lead(id, "17841400000000000", "9001", "17841400000000000:9001", slots, 70, List.of("hot", "vip"),
				new LeadSource("booking", null), LeadStatus.NEW, at, at, 0, null);
	}

}
