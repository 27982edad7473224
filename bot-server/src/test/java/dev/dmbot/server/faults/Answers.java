package dev.dmbot.server.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

/**
 * What a stream's customers got back, as the fake Meta saw it: only the Send API calls it
 * answered 200 count as delivered. Each customer's answers are lined up against their
 * questions: an answer missing is lost, one more of the same answer is repeated, any
 * other is out of order. The stream cycles through three questions with three different
 * answers, so a lost answer and a repeated one cannot be mistaken for each other.
 */
final class Answers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private int expected;

	private int lost;

	private int repeated;

	private int outOfOrder;

	private final List<String> problems = new ArrayList<>();

	/**
	 * @param replies the reply each question gets, as the rules answer it
	 */
	static Answers of(DmStream stream, WireMockServer meta, Map<String, String> replies) {
		Map<String, List<String>> delivered = delivered(meta);
		Answers answers = new Answers();
		int messages = stream.total() / stream.customers().size();
		for (WebhookPayloads customer : stream.customers()) {
			List<String> expected = new ArrayList<>();
			for (int m = 0; m < messages; m++) {
				expected.add(replies.get(stream.question(m)));
			}
			answers.line(customer.sender(), expected, delivered.getOrDefault(customer.sender(), List.of()));
		}
		return answers;
	}

	/**
	 * Waits until every message of the stream is answered (or a minute passes), then a
	 * little longer for late repeats to show, and lines the answers up.
	 */
	static Answers await(DmStream stream, WireMockServer meta, Map<String, String> replies) {
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(300))
				.until(() -> of(stream, meta, replies).complete());
		}
		catch (ConditionTimeoutException ex) {
			// The caller asserts, with what is missing.
		}
		Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
		return of(stream, meta, replies);
	}

	/**
	 * The reply each question gets, from a new customer who asks each twice: the second
	 * time shows it without the once-per-person disclosure line.
	 */
	static Map<String, String> replies(WebhookClient webhook, WireMockServer meta, List<String> questions) {
		WebhookPayloads warmUp = WebhookPayloads.from(WebhookPayloads.newSender());
		Map<String, String> replies = new java.util.LinkedHashMap<>();
		List<String> asked = new ArrayList<>(questions);
		asked.addAll(questions);
		for (String question : asked) {
			int before = delivered(meta, warmUp.sender()).size();
			webhook.post(warmUp.at(System.currentTimeMillis()).textMessage(question));
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> delivered(meta, warmUp.sender()).size() > before);
			replies.put(question, delivered(meta, warmUp.sender()).get(before));
		}
		return replies;
	}

	/** What Meta answered 200 for this customer, oldest first. */
	static List<String> delivered(WireMockServer meta, String recipient) {
		return delivered(meta).getOrDefault(recipient, List.of());
	}

	/** The texts Meta answered 200 for, by recipient, oldest first. */
	private static Map<String, List<String>> delivered(WireMockServer meta) {
		Map<String, List<String>> delivered = new java.util.HashMap<>();
		List<ServeEvent> events = new ArrayList<>(meta.getAllServeEvents());
		// WireMock lists the newest first.
		java.util.Collections.reverse(events);
		for (ServeEvent event : events) {
			if (!event.getRequest().getUrl().endsWith("/messages") || event.getResponse().getStatus() != 200) {
				continue;
			}
			JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
			delivered.computeIfAbsent(body.path("recipient").path("id").asString(), (id) -> new ArrayList<>())
				.add(body.path("message").path("text").asString());
		}
		return delivered;
	}

	private void line(String customer, List<String> expected, List<String> got) {
		this.expected += expected.size();
		int next = 0;
		for (int i = 0; i < got.size(); i++) {
			String answer = got.get(i);
			if (next < expected.size() && answer.endsWith(expected.get(next))) {
				next++;
			}
			else if (i > 0 && answer.equals(got.get(i - 1))) {
				this.repeated++;
				this.problems.add(customer + ": answer " + i + " repeated");
			}
			else if (next + 1 < expected.size() && answer.endsWith(expected.get(next + 1))) {
				// The questions cycle through three answers, so a skipped one is a lost
				// one.
				this.lost++;
				this.problems.add(customer + ": message " + next + " unanswered");
				next += 2;
			}
			else {
				this.outOfOrder++;
				this.problems.add(customer + ": answer " + i + " out of order: " + abbreviate(answer));
			}
		}
		if (next < expected.size()) {
			this.lost += expected.size() - next;
			this.problems.add(customer + ": " + (expected.size() - next) + " of " + expected.size() + " unanswered");
		}
	}

	int expected() {
		return this.expected;
	}

	int lost() {
		return this.lost;
	}

	int repeated() {
		return this.repeated;
	}

	int outOfOrder() {
		return this.outOfOrder;
	}

	boolean complete() {
		return this.lost == 0;
	}

	@Override
	public String toString() {
		return this.expected + " expected, " + this.lost + " lost, " + this.repeated + " repeated, " + this.outOfOrder
				+ " out of order"
				+ (this.problems.isEmpty() ? "" : ": " + this.problems.subList(0, Math.min(10, this.problems.size())));
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

}
