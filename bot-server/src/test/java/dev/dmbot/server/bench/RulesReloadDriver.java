package dev.dmbot.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * How long an analyst waits for a change to go live. Workload: starts
 * {@code bot-server/target/bot-server.jar} on the embedded default with a copy of
 * {@code rules/} as {@code bot.rules.dir}; then, seven times each, (1) saves the shipped
 * workbook with one reply cell changed into that folder, the way editors save (write
 * aside, then rename), and times until {@code /actuator/info} shows the new hash; (2)
 * uploads such a workbook with {@code PUT /api/admin/rules/lumen-oak.xlsx}, timed until
 * the answer (it returns once the version is live). The upload is the baseline: the same
 * validation, compilation and swap without the folder watch and its debounce.
 * <p>
 * Run from the repository root, after {@code ./mvnw -q -DskipTests package}:
 * {@code java bot-server/src/test/java/dev/dmbot/server/bench/RulesReloadDriver.java}
 * <p>
 * It talks only to 127.0.0.1, and stops by itself.
 */
public final class RulesReloadDriver {

	static final int ROUNDS = 7;

	static final String ADMIN_TOKEN = "sandbox-admin-token";

	static final Pattern HASH = Pattern.compile("\"hash\"\\s*:\\s*\"([0-9a-f]{64})\"");

	public static void main(String[] args) throws Exception {
		Path folder = Files.createTempDirectory("dmbot-reload-");
		byte[] shipped = Files.readAllBytes(Path.of("rules/lumen-oak.xlsx"));
		Files.write(folder.resolve("lumen-oak.xlsx"), shipped);
		int port = 19_000 + (int) (ProcessHandle.current().pid() % 1000);
		Process server = new ProcessBuilder("java", "-Xmx1g", "-jar",
				Path.of("bot-server/target/bot-server.jar").toString(), "--server.port=" + port,
				"--bot.rules.dir=" + folder, "--logging.level.dev.dmbot=warn")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target-reload-server.log").toFile())
			.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			String base = "http://127.0.0.1:" + port;
			awaitReady(http, base);
			List<Double> saves = new ArrayList<>();
			List<Double> uploads = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				saves.add(saveAndWait(http, base, folder, withReply(shipped, "save " + round)));
				uploads.add(upload(http, base, withReply(shipped, "upload " + round)));
			}
			double save = median(saves);
			double uploaded = median(uploads);
			System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("os.arch"), Runtime.version());
			System.out.printf(Locale.ROOT, "save in rules folder -> live: median %.2f s (%s)%n", save, saves);
			System.out.printf(Locale.ROOT, "upload -> live (baseline): median %.2f s (%s)%n", uploaded, uploads);
			System.out.printf(Locale.ROOT, "save vs upload: %.2f%n", save / uploaded);
		}
		finally {
			server.destroy();
			server.waitFor();
		}
	}

	static double saveAndWait(HttpClient http, String base, Path folder, byte[] workbook) throws Exception {
		String before = liveHash(http, base);
		long start = System.nanoTime();
		Path aside = folder.resolve(".~lumen-oak.xlsx.tmp");
		Files.write(aside, workbook);
		Files.move(aside, folder.resolve("lumen-oak.xlsx"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
		long deadline = start + Duration.ofSeconds(60).toNanos();
		while (liveHash(http, base).equals(before)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"The saved workbook did not go live in 60 s; see target-reload-server.log");
			}
			Thread.sleep(10);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	static double upload(HttpClient http, String base, byte[] workbook) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/rules/lumen-oak.xlsx"))
				.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.PUT(HttpRequest.BodyPublishers.ofByteArray(workbook))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
		}
		return (System.nanoTime() - start) / 1e9;
	}

	static String liveHash(HttpClient http, String base) throws IOException, InterruptedException {
		Matcher matcher = HASH.matcher(fetch(http, base + "/actuator/info"));
		return matcher.find() ? matcher.group(1) : "";
	}

	/**
	 * The workbook with its Porto reply changed, edited in the shared-strings part of the
	 * file so this driver needs nothing but the JDK.
	 */
	static byte[] withReply(byte[] xlsx, String marker) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = readAll(in);
				if (entry.getName().equals("xl/sharedStrings.xml")) {
					content = new String(content, StandardCharsets.UTF_8)
						.replace("Good news for Porto!", "Good news for Porto (" + marker + ")!")
						.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	// Java 17 runs one source file at a time, so these are not shared with LoadDriver.
	static void awaitReady(HttpClient http, String base) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (fetch(http, base + "/actuator/health").contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The server did not start within 90 s; see target-reload-server.log");
	}

	static String fetch(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
