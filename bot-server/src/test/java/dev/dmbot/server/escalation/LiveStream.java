package dev.dmbot.server.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live escalation stream read the way a browser reads it: java.net.http, then lines,
 * then events (name and data) separated by blank lines; comments are kept apart.
 */
final class LiveStream implements AutoCloseable {

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private LiveStream(HttpResponse<InputStream> response) {
		this.response = response;
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// The test closed the stream.
			}
		}, "live-stream-reader");
		reader.setDaemon(true);
		reader.start();
	}

	static LiveStream open(AgentApi api, String token) {
		try {
			return new LiveStream(api.http()
				.send(api.request("/api/escalations/stream", token).GET().build(),
						HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<InputStream> response() {
		return this.response;
	}

	/** The next line as sent, comments included, or null after the wait. */
	String nextLine(long seconds) throws InterruptedException {
		return this.lines.poll(seconds, TimeUnit.SECONDS);
	}

	/** The next event, skipping comments; fails after 10 seconds without one. */
	Event nextEvent() throws InterruptedException {
		String name = null;
		StringBuilder data = new StringBuilder();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			String line = this.lines.poll(200, TimeUnit.MILLISECONDS);
			if (line == null || line.startsWith(":")) {
				continue;
			}
			if (line.isEmpty()) {
				if (name != null) {
					return new Event(name, data.toString());
				}
				continue;
			}
			if (line.startsWith("event:")) {
				name = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5).strip());
			}
		}
		throw new AssertionError("No event within 10 seconds");
	}

	@Override
	public void close() throws IOException {
		this.response.body().close();
	}

	/** One server-sent event. */
	record Event(String name, String data) {
	}

}
