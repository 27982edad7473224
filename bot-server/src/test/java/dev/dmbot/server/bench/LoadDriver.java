package dev.dmbot.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load driver for the whole server. Workload: starts
 * {@code bot-server/target/bot-server.jar} on the embedded default (embedded Redis,
 * sandbox outbound, send cap lifted), measures a bare endpoint (the webhook GET
 * handshake) as the baseline, then posts signed text DMs from many senders at a fixed
 * concurrency and waits until every one is answered. Reports webhook acknowledgements per
 * second, end-to-end DMs answered per second, and latency percentiles (acknowledgement
 * latency measured here; received-to-sent latency from the server's own timer).
 * <p>
 * Run from the repository root, after {@code ./mvnw -q -DskipTests package}:
 * {@code java bot-server/src/test/java/dev/dmbot/server/bench/LoadDriver.java [messages] [concurrency]}
 * <p>
 * It talks only to 127.0.0.1, and stops by itself.
 */
public final class LoadDriver {

	static final String SECRET = "sandbox-app-secret";

	static final String ACCOUNT = "17841400000000000";

	static final String[] TEXTS = { "how much is shipping to Porto?", "do you have the oak side table in stock",
			"what are your opening hours", "hi there!", "I want to return my order", "thanks a lot" };

	public static void main(String[] args) throws Exception {
		int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		int port = 18_000 + (int) (ProcessHandle.current().pid() % 1000);
		Process server = new ProcessBuilder("java", "-Xmx1g", "-jar",
				Path.of("bot-server/target/bot-server.jar").toString(), "--server.port=" + port,
				"--bot.outbound.max-sends-per-second=1000000", "--logging.level.dev.dmbot=warn")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target-load-server.log").toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://127.0.0.1:" + port;
			awaitReady(http, base);
			String query = "/webhook?hub.mode=subscribe&hub.verify_token=sandbox-verify-token&hub.challenge=1";
			// Warm-up of both paths, then the measured runs.
			run(http, messages / 4, concurrency, i -> get(base + query));
			run(http, messages / 10, concurrency,
					i -> dm(base, "warm" + (i % 500), "warm-" + i, TEXTS[i % TEXTS.length]));
			awaitAnswered(http, base, messages / 10, Duration.ofMinutes(2));
			Result baseline = run(http, messages, concurrency, i -> get(base + query));
			double answeredBefore = replies(http, base);
			long start = System.nanoTime();
			Result webhook = run(http, messages, concurrency,
					i -> dm(base, "load" + (i % 2000), "load-" + i, TEXTS[i % TEXTS.length]));
			awaitAnswered(http, base, answeredBefore + messages, Duration.ofMinutes(5));
			double endToEndSeconds = (System.nanoTime() - start) / 1e9;
			String metrics = fetch(http, base + "/actuator/prometheus");
			System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("os.arch"), Runtime.version());
			System.out.printf(Locale.ROOT, "messages %d, concurrency %d, 2,000 senders%n", messages, concurrency);
			System.out.printf(Locale.ROOT, "baseline GET /webhook handshake: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
					baseline.perSecond(), baseline.percentile(50), baseline.percentile(99));
			System.out.printf(Locale.ROOT,
					"signed DM POST /webhook (ack): %.0f req/s, p50 %.2f ms, p99 %.2f ms, non-200: %d%n",
					webhook.perSecond(), webhook.percentile(50), webhook.percentile(99), webhook.failures());
			System.out.printf(Locale.ROOT, "end to end: %.0f DMs answered/s (%d in %.1f s)%n",
					messages / endToEndSeconds, messages, endToEndSeconds);
			System.out.printf(Locale.ROOT, "received -> sent latency (server timer): p50 %s ms, p95 %s ms, p99 %s ms%n",
					quantile(metrics, "0.5"), quantile(metrics, "0.95"), quantile(metrics, "0.99"));
			System.out.printf(Locale.ROOT, "ack throughput vs baseline: %.2f%n",
					webhook.perSecond() / baseline.perSecond());
		}
		finally {
			server.destroy();
			server.waitFor();
		}
	}

	record Result(List<Double> millis, double seconds, int failures) {

		double perSecond() {
			return this.millis.size() / this.seconds;
		}

		double percentile(int p) {
			List<Double> sorted = new ArrayList<>(this.millis);
			Collections.sort(sorted);
			return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
		}

	}

	static Result run(HttpClient http, int count, int concurrency, IntFunction<HttpRequest> requests)
			throws InterruptedException {
		Semaphore permits = new Semaphore(concurrency);
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			permits.acquire();
			long sent = System.nanoTime();
			pending.add(http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					latencies.add((System.nanoTime() - sent) / 1e6);
					if (error != null || response.statusCode() != 200) {
						failures.incrementAndGet();
					}
					permits.release();
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(ex -> null).join();
		return new Result(new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9, failures.get());
	}

	static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).GET().build();
	}

	static HttpRequest dm(String base, String sender, String mid, String text) {
		long now = System.currentTimeMillis();
		String body = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ACCOUNT + "\",\"time\":" + now
				+ ",\"messaging\":[{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + ACCOUNT
				+ "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}]}]}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(URI.create(base + "/webhook"))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(bytes)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
	}

	static byte[] hmac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

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
		throw new IllegalStateException("The server did not start within 90 s; see target-load-server.log");
	}

	static void awaitAnswered(HttpClient http, String base, double expected, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (replies(http, base) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + replies(http, base) + " of " + expected + " DMs answered");
			}
			Thread.sleep(20);
		}
	}

	static double replies(HttpClient http, String base) throws IOException, InterruptedException {
		Matcher matcher = Pattern.compile("(?m)^bot_replies_total\\{[^}]*outcome=\"sent\"[^}]*} ([0-9.E]+)")
			.matcher(fetch(http, base + "/actuator/prometheus"));
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	static String quantile(String metrics, String q) {
		Matcher matcher = Pattern
			.compile("(?m)^bot_reply_latency_seconds\\{[^}]*quantile=\"" + Pattern.quote(q) + "\"[^}]*} ([0-9.E-]+)")
			.matcher(metrics);
		return matcher.find() ? String.format(Locale.ROOT, "%.1f", Double.parseDouble(matcher.group(1)) * 1000) : "n/a";
	}

	static String fetch(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
