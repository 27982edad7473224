package dev.dmbot.server.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker/} the way the build machines can, with no container engine: the
 * compose file, the Dockerfile, nginx's, Prometheus's and Grafana's configuration are
 * read and cross-checked (services and health checks, Redis's append-only file, a
 * non-root user, both instances behind nginx and scraped by Prometheus, the dashboard
 * wired to the provisioned data source). {@code DashboardMetricsIT} checks the
 * dashboard's queries against what the server exports.
 */
class DockerFilesTest {

	static final Path DOCKER = repositoryRoot().resolve("docker");

	static final List<String> INSTANCES = List.of("bot-1", "bot-2");

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void composeRunsRedisTwoInstancesNginxPrometheusAndGrafanaEachWithAHealthCheck() {
		Map<String, Object> services = map(compose().get("services"));

		assertThat(services).containsOnlyKeys("redis", "bot-1", "bot-2", "nginx", "prometheus", "grafana");
		for (String name : List.of("redis", "nginx", "prometheus", "grafana")) {
			assertThat(map(services.get(name))).as(name).containsKey("healthcheck");
		}
		for (String instance : INSTANCES) {
			Map<String, Object> bot = map(services.get(instance));
			// Their health check is the Dockerfile's.
			assertThat(map(bot.get("build"))).containsEntry("dockerfile", "docker/Dockerfile");
			assertThat(map(map(bot.get("depends_on")).get("redis"))).containsEntry("condition", "service_healthy");
			assertThat(map(bot.get("environment"))).containsEntry("BOT_REDIS_URL", "redis://redis:6379");
			assertThat(bot).as("%s is reached through nginx only", instance).doesNotContainKey("ports");
			assertThat(map(map(services.get("nginx")).get("depends_on")).get(instance))
				.isEqualTo(Map.of("condition", "service_healthy"));
		}
		assertThat(dockerfile()).containsPattern("(?m)^HEALTHCHECK .*actuator/health/readiness");
	}

	@Test
	void redisKeepsAnAppendOnlyFileOnAVolume() {
		Map<String, Object> redis = map(map(compose().get("services")).get("redis"));
		List<String> command = strings(redis.get("command"));

		assertThat(String.join(" ", command)).contains("--appendonly yes");
		assertThat(command.get(command.indexOf("--appendfsync") + 1)).isIn("everysec", "always");
		assertThat(strings(redis.get("volumes"))).contains("redis-data:/data");
		assertThat(map(compose().get("volumes"))).containsKey("redis-data");
	}

	@Test
	void instancesGetTimeToShutDownGracefullyAndNoSecretIsWrittenDown() {
		for (String instance : INSTANCES) {
			Map<String, Object> bot = map(map(compose().get("services")).get(instance));
			// bot.intake.shutdown-grace (20 s) plus Spring's graceful web shutdown (30
			// s).
			assertThat(duration(bot.get("stop_grace_period"))).isGreaterThanOrEqualTo(Duration.ofSeconds(50));
			map(bot.get("environment")).forEach((name, value) -> {
				if (name.matches(".*(SECRET|TOKEN|PASSWORD).*")) {
					assertThat(String.valueOf(value)).as(name).matches("\\$\\{" + name + ":-}");
				}
			});
		}
	}

	@Test
	void theEnvExampleListsEverySettingTheComposeFileReads() {
		Set<String> read = new HashSet<>();
		Matcher variable = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-[^}]*)?\\}")
			.matcher(read(DOCKER.resolve("compose.yml")));
		while (variable.find()) {
			read.add(variable.group(1));
		}
		Set<String> listed = new HashSet<>();
		read(DOCKER.resolve(".env.example")).lines()
			.filter((line) -> line.matches("[A-Z0-9_]+=.*"))
			.forEach((line) -> listed.add(line.substring(0, line.indexOf('='))));

		assertThat(listed).isEqualTo(read);
	}

	@Test
	void theBuildContextLeavesOutBuildOutputAndSecrets() {
		List<String> ignored = read(DOCKER.getParent().resolve(".dockerignore")).lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();

		assertThat(ignored).contains("**/target", ".git", "docker/.env");
	}

	@Test
	void everyFileTheComposeFileMountsExists() {
		for (Object service : map(compose().get("services")).values()) {
			for (String volume : strings(map(service).getOrDefault("volumes", List.of()))) {
				if (volume.startsWith("./")) {
					assertThat(DOCKER.resolve(volume.substring(2, volume.indexOf(':')))).as(volume).exists();
				}
			}
		}
	}

	@Test
	void theImageIsBuiltInStagesAndRunsAsAnUnprivilegedUserWithContainerAwareMemory() {
		String dockerfile = dockerfile();
		List<String> stages = lines(dockerfile, "FROM ");
		List<String> users = lines(dockerfile, "USER ");

		assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).substring("USER ".length()).strip();
		assertThat(user.split(":")[0]).isNotIn("0", "root");
		assertThat(dockerfile.lastIndexOf("\nUSER ")).isGreaterThan(dockerfile.lastIndexOf("\nFROM "));
		assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
		for (String copied : List.of(".mvn", "mvnw", "pom.xml", "nlp-models", "bot-server", "rules")) {
			assertThat(DOCKER.getParent().resolve(copied)).as("COPY %s", copied).exists();
		}
	}

	@Test
	void nginxBalancesBothInstancesAndKeepsMetricsInside() {
		String nginx = read(DOCKER.resolve("nginx.conf"));

		assertThat(nginx.chars().filter((c) -> c == '{').count())
			.isEqualTo(nginx.chars().filter((c) -> c == '}').count());
		for (String instance : INSTANCES) {
			assertThat(nginx).containsPattern("(?m)^\\s*server " + instance + ":8080\\b");
		}
		Matcher proxied = Pattern.compile("proxy_pass\\s+([^;]+);").matcher(nginx);
		int count = 0;
		while (proxied.find()) {
			assertThat(proxied.group(1)).isEqualTo("http://dmbot");
			count++;
		}
		assertThat(count).isPositive();
		assertThat(nginx).containsPattern("location = /webhook \\{")
			.containsPattern("location \\^~ /actuator/ \\{\\s*return 404;")
			.containsPattern("location \\^~ /actuator/health \\{\\s*proxy_pass")
			.containsPattern("location = /api/escalations/stream \\{[^}]*proxy_buffering off;")
			.containsPattern("client_max_body_size (\\d+)m;");
		for (String line : nginx.split("\n")) {
			String code = line.strip();
			if (!code.isEmpty() && !code.startsWith("#") && !code.endsWith("{") && !code.equals("}")) {
				assertThat(code).as("nginx directive").endsWith(";");
			}
		}
	}

	@Test
	void prometheusScrapesEveryInstance() {
		Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus.yml"));
		List<Object> jobs = list(prometheus.get("scrape_configs"));

		assertThat(jobs).hasSize(1);
		Map<String, Object> job = map(jobs.get(0));
		assertThat(job).containsEntry("job_name", "dmbot").containsEntry("metrics_path", "/actuator/prometheus");
		assertThat(strings(map(list(job.get("static_configs")).get(0)).get("targets")))
			.containsExactlyInAnyOrderElementsOf(INSTANCES.stream().map((name) -> name + ":8080").toList());
	}

	@Test
	void grafanaLoadsTheDashboardFromWhereComposeMountsItAndUsesTheProvisionedPrometheus() {
		Map<String, Object> grafana = map(map(compose().get("services")).get("grafana"));
		String dashboardsMount = strings(grafana.get("volumes")).stream()
			.filter((volume) -> volume.startsWith("./grafana/dashboards:"))
			.findFirst()
			.orElseThrow()
			.split(":")[1];
		Map<String, Object> provider = map(
				list(yaml(DOCKER.resolve("grafana/provisioning/dashboards/dmbot.yml")).get("providers")).get(0));
		Map<String, Object> datasource = map(
				list(yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources"))
					.get(0));

		assertThat(map(provider.get("options"))).containsEntry("path", dashboardsMount);
		assertThat(String.valueOf(map(grafana.get("environment")).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")))
			.isEqualTo(dashboardsMount + "/dmbot.json");
		assertThat(datasource).containsEntry("url", "http://prometheus:9090").containsEntry("type", "prometheus");
		Set<String> uids = new HashSet<>();
		for (JsonNode panel : dashboard().path("panels")) {
			if (!"row".equals(panel.path("type").asString())) {
				uids.add(panel.path("datasource").path("uid").asString());
				panel.path("targets").forEach((target) -> uids.add(target.path("datasource").path("uid").asString()));
			}
		}
		assertThat(uids).containsExactly(String.valueOf(datasource.get("uid")));
	}

	@Test
	void theDashboardShowsWhatAnOperatorWatches() {
		JsonNode dashboard = dashboard();
		List<String> titles = new ArrayList<>();
		Set<Integer> ids = new HashSet<>();
		List<int[]> boxes = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
			titles.add(panel.path("title").asString());
			JsonNode grid = panel.path("gridPos");
			int[] box = { grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(),
					grid.path("h").asInt() };
			assertThat(box[0] + box[2]).as("%s fits the 24 columns", panel.path("title").asString())
				.isLessThanOrEqualTo(24);
			for (int[] other : boxes) {
				boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
						&& box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
				assertThat(overlap).as("%s overlaps another panel", panel.path("title").asString()).isFalse();
			}
			boxes.add(box);
			if (!"row".equals(panel.path("type").asString())) {
				assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
			}
		}
		assertThat(dashboard.path("uid").asString()).isEqualTo("dmbot");
		assertThat(titles).contains("DMs in / out", "Reply latency (received → sent)", "Intents",
				"Rules fired (top 10 rows)", "Escalations opened", "Escalation queue", "Send errors", "Dead letters");
	}

	@Test
	void prometheusLoadsAlertsThatEachSayWhatIsWrong() {
		Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus.yml"));
		Map<String, Object> service = map(map(compose().get("services")).get("prometheus"));
		List<String> mounts = strings(service.get("volumes"));

		for (String ruleFile : strings(prometheus.get("rule_files"))) {
			assertThat(mounts).as("a file mounted at %s", ruleFile)
				.anySatisfy((mount) -> assertThat(mount).endsWith(":" + ruleFile + ":ro"));
		}
		List<Object> rules = list(map(list(yaml(DOCKER.resolve("alerts.yml")).get("groups")).get(0)).get("rules"));
		assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
		Set<String> names = new HashSet<>();
		for (Object rule : rules) {
			Map<String, Object> alert = map(rule);
			assertThat(names.add(String.valueOf(alert.get("alert")))).isTrue();
			assertThat(String.valueOf(alert.get("expr"))).isNotBlank();
			assertThat(map(alert.get("labels"))).containsKey("severity");
			assertThat(map(alert.get("annotations"))).containsKey("summary");
		}
	}

	/** Every PromQL expression of the alerts, for {@code DashboardMetricsIT}. */
	static List<String> alertQueries() {
		List<String> queries = new ArrayList<>();
		for (Object rule : list(map(list(yaml(DOCKER.resolve("alerts.yml")).get("groups")).get(0)).get("rules"))) {
			queries.add(String.valueOf(map(rule).get("expr")));
		}
		return queries;
	}

	/** Every PromQL expression of the dashboard, for {@code DashboardMetricsIT}. */
	static List<String> dashboardQueries() {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : new DockerFilesTest().dashboard().path("panels")) {
			panel.path("targets").forEach((target) -> queries.add(target.path("expr").asString()));
		}
		return queries;
	}

	private JsonNode dashboard() {
		return this.json.readTree(read(DOCKER.resolve("grafana/dashboards/dmbot.json")));
	}

	private static Map<String, Object> compose() {
		return yaml(DOCKER.resolve("compose.yml"));
	}

	/** The Dockerfile with continued lines joined, one instruction per line. */
	private static String dockerfile() {
		return read(DOCKER.resolve("Dockerfile")).replaceAll("\\\\\n\\s*", " ");
	}

	private static List<String> lines(String text, String prefix) {
		return text.lines().filter((line) -> line.startsWith(prefix)).toList();
	}

	private static Duration duration(Object value) {
		String text = String.valueOf(value);
		Matcher matcher = Pattern.compile("(\\d+)(s|m)").matcher(text);
		assertThat(matcher.matches()).as("a duration such as 60s, but was %s", text).isTrue();
		long amount = Long.parseLong(matcher.group(1));
		return "m".equals(matcher.group(2)) ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
	}

	private static Map<String, Object> yaml(Path file) {
		LoaderOptions options = new LoaderOptions();
		Map<String, Object> loaded = new Yaml(new SafeConstructor(options)).load(read(file));
		assertThat(loaded).as(file.toString()).isNotNull();
		return loaded;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	private static List<String> strings(Object value) {
		return list(value).stream().map(String::valueOf).toList();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot read " + file, ex);
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("docker/compose.yml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No docker/compose.yml above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
