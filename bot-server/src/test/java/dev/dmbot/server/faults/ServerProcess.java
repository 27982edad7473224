package dev.dmbot.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/bot-server.jar}, built before the integration tests
 * run) in a process of its own, so that a test can kill it the hard way, as a crash or
 * {@code kill -9} would, and start it again on the same port. Its log goes to
 * {@code target/faults/<name>-<n>.log}.
 */
final class ServerProcess implements AutoCloseable {

	private static final Path JAR = Path.of("target", "bot-server.jar");

	private final String name;

	private final int port;

	private final Map<String, String> properties;

	private Process process;

	private int starts;

	ServerProcess(String name, Map<String, String> properties) {
		this.name = name;
		this.port = freePort();
		this.properties = Map.copyOf(properties);
	}

	int port() {
		return this.port;
	}

	/** Starts the server and waits until it is ready to take webhooks. */
	ServerProcess start() {
		if (!Files.exists(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the fault tests run the packaged "
					+ "server; run them with ./mvnw verify, which packages it first");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:+UseSerialGC", "-jar", JAR.toString(), "--server.port=" + this.port));
		this.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = Path.of("target", "faults", this.name + "-" + (++this.starts) + ".log");
		try {
			Files.createDirectories(log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitReady(log);
		return this;
	}

	/** Kills the process at once, without letting it finish anything: SIGKILL. */
	void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/** Stops the process as an operator's restart does: SIGTERM, then waits for it. */
	void stop() {
		this.process.destroy();
		waitForExit();
	}

	/** The log of the latest start. */
	Path log() {
		return Path.of("target", "faults", this.name + "-" + this.starts + ".log");
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	private void awaitReady(Path log) {
		HttpClient http = HttpClient.newHttpClient();
		URI readiness = URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited while starting; see " + log.toAbsolutePath());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(this.name + " was not ready within 120 s; see " + log.toAbsolutePath());
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " did not exit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
