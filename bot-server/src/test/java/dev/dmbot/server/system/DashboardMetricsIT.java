package dev.dmbot.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard and the Prometheus alerts query is one the server
 * exports: either it is in {@code /actuator/prometheus} after a DM was answered, or (for
 * a counter that appears with its first event, such as send errors) the server's code
 * registers it by that name. A renamed meter fails here rather than leaving an empty
 * panel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bot.rules.watch=false")
class DashboardMetricsIT {

	/**
	 * A name not followed by "(": what is left once labels, ranges and groupings are cut.
	 */
	static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");

	static final Pattern NOT_METRICS = Pattern.compile("\\{[^}]*\\}|\\[[^\\]]*\\]|\\b(?:by|without)\\s*\\([^)]*\\)");

	/** Words of PromQL that look like metric names. */
	static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "topk", "by",
			"without", "histogram_quantile", "le", "up");

	@LocalServerPort
	int port;

	@Test
	void everyMetricTheDashboardAndTheAlertsQueryIsExported() {
		String sender = WebhookPayloads.newSender();
		new WebhookClient(this.port, "sandbox-app-secret")
			.post(WebhookPayloads.from(sender).textMessage("how much is shipping to Porto?"));
		await().atMost(Duration.ofSeconds(20)).until(() -> scrape().contains("bot_replies_total{outcome=\"sent\"}"));
		Set<String> exported = new TreeSet<>();
		scrape().lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.forEach((line) -> exported.add(line.split("[{ ]")[0]));
		Set<String> registered = registeredInCode();

		Set<String> queried = new TreeSet<>();
		List<String> queries = new ArrayList<>(DockerFilesTest.dashboardQueries());
		queries.addAll(DockerFilesTest.alertQueries());
		for (String query : queries) {
			assertThat(balanced(query)).as("brackets of %s", query).isTrue();
			Matcher matcher = METRIC.matcher(NOT_METRICS.matcher(query).replaceAll(" "));
			while (matcher.find()) {
				if (!PROMQL.contains(matcher.group(1))) {
					queried.add(matcher.group(1));
				}
			}
		}

		assertThat(queried).contains("bot_reply_latency_seconds_bucket", "bot_send_errors_total", "bot_dead_letters");
		assertThat(queried)
			.allSatisfy((metric) -> assertThat(exported.contains(metric) || registered.contains(base(metric)))
				.as("%s is exported (or registered in the code as %s)", metric, base(metric))
				.isTrue());
	}

	private String scrape() {
		HttpResponse<String> response = HttpCalls.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")));
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** {@code bot_send_errors_total} → {@code bot_send_errors}. */
	private static String base(String metric) {
		return metric.replaceAll("_(total|bucket|count|sum|max)$", "").replaceAll("_seconds$", "");
	}

	/**
	 * Meter names written in the server's code, {@code "bot.send.errors"} →
	 * {@code bot_send_errors}.
	 */
	private static Set<String> registeredInCode() {
		Pattern literal = Pattern.compile("\"(bot\\.[a-z0-9.]+[a-z0-9])\"");
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				try {
					Matcher matcher = literal.matcher(Files.readString(file));
					while (matcher.find()) {
						names.add(matcher.group(1).replace('.', '_'));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	private static boolean balanced(String query) {
		int depth = 0;
		for (char c : query.toCharArray()) {
			depth += (c == '(' || c == '{' || c == '[') ? 1 : (c == ')' || c == '}' || c == ']') ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

}
