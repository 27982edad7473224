package dev.dmbot.server.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.MetaSignature;

/**
 * A load driver that behaves like Meta's webhook delivery: each customer's messages go
 * out one after another, signed, at a steady pace; a delivery not answered 200 (an error
 * status, a refused connection, a timeout) is delivered again after a short pause, to the
 * next server when there are several (as a load balancer would), until it is
 * acknowledged. Customers write in parallel. Each customer alternates the questions, so
 * the order of their answers shows.
 */
final class DmStream {

	private final List<URI> webhooks;

	private final byte[] secret;

	private final List<WebhookPayloads> customers = new ArrayList<>();

	private final List<String> questions;

	private final int messagesEach;

	private final Duration pause;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger posts = new AtomicInteger();

	private final ConcurrentHashMap<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	private final AtomicInteger next = new AtomicInteger();

	private ExecutorService pool;

	private final List<Future<?>> running = new ArrayList<>();

	/**
	 * @param pause the time between two messages of one customer
	 */
	DmStream(List<Integer> ports, String secret, int customers, int messagesEach, List<String> questions,
			Duration pause) {
		this.webhooks = ports.stream().map((port) -> URI.create("http://127.0.0.1:" + port + "/webhook")).toList();
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < customers; i++) {
			this.customers.add(WebhookPayloads.from(WebhookPayloads.newSender()));
		}
		this.questions = List.copyOf(questions);
		this.messagesEach = messagesEach;
		this.pause = pause;
	}

	List<WebhookPayloads> customers() {
		return this.customers;
	}

	int total() {
		return this.customers.size() * this.messagesEach;
	}

	/** The question a customer's {@code n}th message asks. */
	String question(int n) {
		return this.questions.get(n % this.questions.size());
	}

	int acknowledged() {
		return this.acknowledged.get();
	}

	int posts() {
		return this.posts.get();
	}

	/**
	 * How many deliveries were not acknowledged, by what happened: {@code 503},
	 * {@code refused}…
	 */
	java.util.Map<String, Integer> refusals() {
		java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
		this.refusals.forEach((what, count) -> counts.put(what, count.get()));
		return counts;
	}

	DmStream start() {
		this.pool = Executors.newFixedThreadPool(this.customers.size());
		for (WebhookPayloads customer : this.customers) {
			this.running.add(this.pool.submit(() -> {
				for (int m = 0; m < this.messagesEach; m++) {
					deliver(customer.at(System.currentTimeMillis()).textMessage(question(m)).body());
					sleep(this.pause.toMillis());
				}
				return null;
			}));
		}
		return this;
	}

	/** Waits until the stream has been acknowledged this far. */
	void awaitAcknowledged(int count, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (this.acknowledged.get() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("only " + this.acknowledged.get() + " of " + count + " acknowledged");
			}
			sleep(20);
		}
	}

	/** Waits for every message to be acknowledged. */
	void finish(Duration atMost) throws Exception {
		try {
			for (Future<?> customer : this.running) {
				customer.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			this.pool.shutdownNow();
		}
	}

	/** Delivers one body until a server acknowledges it, as Meta retries. */
	private void deliver(byte[] body) {
		String signature = MetaSignature.sign(this.secret, body);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			URI webhook = this.webhooks.get(Math.floorMod(this.next.getAndIncrement(), this.webhooks.size()));
			this.posts.incrementAndGet();
			String outcome;
			try {
				HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(webhook)
					.timeout(Duration.ofSeconds(5))
					.header("Content-Type", "application/json")
					.header(MetaSignature.HEADER, signature)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					this.acknowledged.incrementAndGet();
					return;
				}
				outcome = Integer.toString(response.statusCode());
			}
			catch (IOException ex) {
				outcome = "no answer";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("stopped while delivering", ex);
			}
			this.refusals.computeIfAbsent(outcome, (what) -> new AtomicInteger()).incrementAndGet();
			if (System.nanoTime() > deadline) {
				throw new AssertionError("a delivery was not acknowledged for 3 minutes; last: " + outcome);
			}
			sleep(100);
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

}
