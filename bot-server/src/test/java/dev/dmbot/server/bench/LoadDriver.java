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
 * handshake) as the baseline, then posts signed text DMs from 2,000 senders at a fixed
 * concurrency and waits until every one is answered (saturation), then posts DMs at half
 * the rate found, open loop (paced). Reports webhook acknowledgements per second,
 * end-to-end DMs answered per second, acknowledgement latency (measured here) and
 * received-to-sent latency (from the server's own histogram, the difference over the
 * paced run).
 * <p>
 * Run from the repository root, after {@code ./mvnw -q -DskipTests package}:
 * {@code java bot-server/src/test/java/dev/dmbot/server/bench/LoadDriver.java [messages] [concurrency]}
 * (or, for the baseline alone against a server already running, see
 * {@link #handshakeOnly}).
 * <p>
 * It talks only to 127.0.0.1, and stops by itself.
 */
public final class LoadDriver {

	static final String SECRET = "sandbox-app-secret";

	static final String ACCOUNT = "17841400000000000";

	static final String[] TEXTS = { "how much is shipping to Porto?", "do you have the oak side table in stock",
			"what are your opening hours", "hi there!", "I want to return my order", "thanks a lot" };

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--handshake")) {
			handshakeOnly(args);
			return;
		}
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

			// 1. Baseline: the cheapest endpoint the server has, same client, same
			// concurrency.
			Result baseline = run(http, messages, concurrency, i -> get(base + query));

			// 2. Saturation: as many signed DMs as the server acknowledges, then wait
			// until
			// every one is answered.
			double answeredBefore = replies(http, base);
			long start = System.nanoTime();
			Result webhook = run(http, messages, concurrency,
					i -> dm(base, "load" + (i % 2000), "load-" + i, TEXTS[i % TEXTS.length]));
			awaitAnswered(http, base, answeredBefore + messages, Duration.ofMinutes(5));
			double endToEndSeconds = (System.nanoTime() - start) / 1e9;
			double capacity = messages / endToEndSeconds;

			// 3. Paced: DMs arriving at half that rate, as a busy account sends them; the
			// latency a customer sees from Meta's delivery to the reply leaving.
			int rate = (int) (capacity / 2);
			int pacedCount = Math.max(rate * 20, 1000);
			double answeredBeforePaced = replies(http, base);
			Histogram before = latencyHistogram(http, base);
			Result paced = paced(http, pacedCount, rate,
					i -> dm(base, "paced" + (i % 2000), "paced-" + i, TEXTS[i % TEXTS.length]));
			awaitAnswered(http, base, answeredBeforePaced + pacedCount, Duration.ofMinutes(5));
			Histogram latency = latencyHistogram(http, base).minus(before);

			System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("os.arch"), Runtime.version());
			System.out.printf(Locale.ROOT, "messages %d, concurrency %d, 2,000 senders%n", messages, concurrency);
			System.out.printf(Locale.ROOT, "baseline GET /webhook handshake: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
					baseline.perSecond(), baseline.percentile(50), baseline.percentile(99));
			System.out.printf(Locale.ROOT,
					"saturation, signed DM POST /webhook (ack): %.0f req/s, p50 %.2f ms, p99 %.2f ms, non-200: %d%n",
					webhook.perSecond(), webhook.percentile(50), webhook.percentile(99), webhook.failures());
			System.out.printf(Locale.ROOT, "saturation, end to end: %.0f DMs answered/s (%d in %.1f s)%n", capacity,
					messages, endToEndSeconds);
			System.out.printf(Locale.ROOT, "ack throughput vs baseline: %.2f%n",
					webhook.perSecond() / baseline.perSecond());
			System.out.printf(Locale.ROOT,
					"paced at %d DMs/s (%d DMs): ack p50 %.2f ms, p99 %.2f ms, non-200: %d; "
							+ "received -> sent p50 <= %s ms, p99 <= %s ms%n",
					rate, pacedCount, paced.percentile(50), paced.percentile(99), paced.failures(), latency.bound(0.50),
					latency.bound(0.99));
		}
		finally {
			server.destroy();
			server.waitFor();
		}
	}

	/**
	 * Only the baseline, against a server already running:
	 * {@code --handshake http://127.0.0.1:PORT [requests] [concurrency]} (20,000, 32).
	 * The whole-server script {@code bot-server/bench/measure.sh} runs it beside
	 * {@code wrk} on the same server, to show how much of the figure is the driver's own
	 * limit.
	 */
	static void handshakeOnly(String[] args) throws InterruptedException {
		String base = args[1];
		int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
		int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String url = base + "/webhook?hub.mode=subscribe&hub.verify_token=sandbox-verify-token&hub.challenge=1";
		run(http, requests / 4, concurrency, i -> get(url));
		Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
		Result result = run(http, requests, concurrency, i -> get(url));
		Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
		System.out.printf(Locale.ROOT,
				"java_handshake_rate %.0f%njava_handshake_p50_ms %.2f%njava_handshake_p99_ms %.2f%n"
						+ "java_handshake_failures %d%njava_handshake_cpu_percent %.0f%n",
				result.perSecond(), result.percentile(50), result.percentile(99), result.failures(),
				cpu.toNanos() / 1e9 / result.seconds() * 100);
	}

	/**
	 * Open loop: request {@code i} leaves at {@code i / rate} seconds whether or not the
	 * earlier ones were answered, as Meta's deliveries do.
	 */
	static Result paced(HttpClient http, int count, int rate, IntFunction<HttpRequest> requests) {
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long start = System.nanoTime();
		long periodNanos = 1_000_000_000L / rate;
		for (int i = 0; i < count; i++) {
			long due = start + i * periodNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				java.util.concurrent.locks.LockSupport.parkNanos(wait);
			}
			long sent = System.nanoTime();
			pending.add(http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					latencies.add((System.nanoTime() - sent) / 1e6);
					if (error != null || response.statusCode() != 200) {
						failures.incrementAndGet();
					}
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(ex -> null).join();
		return new Result(new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9, failures.get());
	}

	static final Pattern BUCKET = Pattern
		.compile("(?m)^bot_reply_latency_seconds_bucket\\{le=\"([^\"]+)\"} ([0-9.E]+)");

	/**
	 * The server's received -> sent latency histogram: bucket bounds and cumulative
	 * counts.
	 */
	record Histogram(List<String> bounds, long[] cumulative) {

		Histogram minus(Histogram earlier) {
			long[] counts = this.cumulative.clone();
			for (int b = 0; b < counts.length; b++) {
				counts[b] -= earlier.cumulative[b];
			}
			return new Histogram(this.bounds, counts);
		}

		/** The upper bound, in ms, of the bucket that holds quantile {@code q}. */
		String bound(double q) {
			long total = this.cumulative[this.cumulative.length - 1];
			for (int b = 0; b < this.cumulative.length; b++) {
				if (this.cumulative[b] >= q * total) {
					String le = this.bounds.get(b);
					return "+Inf".equals(le) ? "inf"
							: String.format(Locale.ROOT, "%.1f", Double.parseDouble(le) * 1000);
				}
			}
			return "n/a";
		}

	}

	static Histogram latencyHistogram(HttpClient http, String base) throws IOException, InterruptedException {
		Matcher matcher = BUCKET.matcher(fetch(http, base + "/actuator/prometheus"));
		List<String> bounds = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		while (matcher.find()) {
			bounds.add(matcher.group(1));
			counts.add((long) Double.parseDouble(matcher.group(2)));
		}
		return new Histogram(bounds, counts.stream().mapToLong(Long::longValue).toArray());
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

	static String fetch(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
