package dev.dmbot.server.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SignedDmBodiesTest {

	@TempDir
	Path dir;

	@Test
	void signsTheRawBodyAsMetaDoes() throws Exception {
		// Meta's test vector (also in SignatureVerifierTest): a body without placeholders
		// is written as it is, signed with the secret.
		String body = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000001\",\"time\":1767225600000,\"messaging\":[]}]}";
		Path out = this.dir.resolve("vector.tsv");

		SignedDmBodies.write(out, 1, 1, "p", "test_app_secret", "17841400000000000", body);

		assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
			.containsExactly("sha256=5eb22128c4624344caf949798fef795b23bd8d9c151cff4ebfde2b608d539a33\t" + body);
	}

	@Test
	void everyDmHasItsOwnMessageIdAndTheSendersTakeTurns() throws Exception {
		Path out = this.dir.resolve("dms.tsv");

		SignedDmBodies.write(out, 12, 4, "run1", "sandbox-app-secret", "17841400000000000",
				SignedDmBodies.template(null));

		List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(12);
		Set<String> mids = new HashSet<>();
		Set<String> senders = new HashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String line : lines) {
			String[] parts = line.split("\t", -1);
			assertThat(parts).hasSize(2);
			assertThat(parts[0]).matches("sha256=[0-9a-f]{64}");
			JsonNode event = json.readTree(parts[1]).path("entry").path(0).path("messaging").path(0);
			assertThat(event.path("recipient").path("id").asString()).isEqualTo("17841400000000000");
			assertThat(event.path("message").path("text").asString()).isIn((Object[]) SignedDmBodies.TEXTS);
			mids.add(event.path("message").path("mid").asString());
			senders.add(event.path("sender").path("id").asString());
		}
		assertThat(mids).hasSize(12);
		assertThat(senders).containsExactlyInAnyOrder("run1-s0", "run1-s1", "run1-s2", "run1-s3");
	}

	@Test
	void furtherDmsOfTheSameSendersSayTheGivenTextWithNewMessageIds() throws Exception {
		Path out = this.dir.resolve("flow.tsv");

		SignedDmBodies.write(out, 4, 2, "run2", "run1", new String[] { "it's \"around\" 15k \\ EUR" },
				"sandbox-app-secret", "17841400000000000", SignedDmBodies.template(null));

		JsonMapper json = JsonMapper.builder().build();
		List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
		JsonNode event = json.readTree(lines.get(3).split("\t")[1]).path("entry").path(0).path("messaging").path(0);
		assertThat(event.path("sender").path("id").asString()).isEqualTo("run1-s1");
		assertThat(event.path("message").path("mid").asString()).isEqualTo("run2-m3");
		assertThat(event.path("message").path("text").asString()).isEqualTo("it's \"around\" 15k \\ EUR");
	}

}
