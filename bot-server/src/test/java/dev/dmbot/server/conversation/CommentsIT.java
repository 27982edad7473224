package dev.dmbot.server.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.context.annotation.Import;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.outbound.CommentReply;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.outbound.OutboundKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Comment-to-DM on real parts: signed comment webhooks in, the shipped workbook's comment
 * row (pinned to one reel for this test) deciding, the exact private and public reply
 * calls out to a fake Meta, the once-per-comment marker, the 7 days and the hourly
 * allowance in a real redis-server, and the hour moved on with a movable clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.profile.enabled=false", "bot.rules.watch=false",
				"bot.comments.private-replies-per-hour=" + CommentsIT.PER_HOUR, "bot.comments.drain-interval=100ms" })
@Import(MovableTime.class)
class CommentsIT {

	static final int PER_HOUR = 3;

	/** The reel the test workbook's comment row names in its Payload cell. */
	static final String REEL = "18083495273654753";

	static final String PRIVATE_REPLY = "Hi ana.costa, thanks for your comment! 💬 Prices, sizes and materials of every piece "
			+ "are at lumenandoak.pt, and we ship all over Portugal and the EU 🚚 Any question about the piece you saw? "
			+ "Just answer this message and we'll help.";

	static final String PUBLIC_REPLY = "Thanks ana.costa! We've sent you the details by DM 💌";

	static final MetaApiStub meta = new MetaApiStub();

	static {
		meta.server()
			.stubFor(post(urlPathMatching("/v25.0/[0-9]+/replies")).atPriority(10)
				.willReturn(okJson("{\"id\":\"17870913679156914\"}")));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		meta.register(registry);
		registry.add("bot.rules.dir", CommentsIT::workbookForOneReel);
	}

	/** The shipped workbook, its comment row answering comments on {@link #REEL} only. */
	static String workbookForOneReel() {
		try {
			Path folder = Files.createTempDirectory("comments-it");
			try (InputStream in = Files.newInputStream(Path.of("../rules/lumen-oak.xlsx"));
					XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				Sheet replies = workbook.getSheet("Replies");
				for (Row row : replies) {
					if (row.getCell(0) != null && "comment".equals(row.getCell(0).toString())) {
						row.getCell(4, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(REEL);
					}
				}
				try (OutputStream out = Files.newOutputStream(folder.resolve("lumen-oak.xlsx"))) {
					workbook.write(out);
				}
			}
			return folder.toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CommentReplies replies;

	@Autowired
	PrivateReplyQueue queue;

	@Autowired
	UnifiedJedis redis;

	WebhookClient webhook;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		// A fresh hour of allowance for each test.
		((MovableClock) this.clock).advance(Duration.ofHours(2));
	}

	@Test
	void aMatchingCommentGetsOnePrivateReplyAndThePublicReply() {
		String comment = newId();

		deliver(WebhookPayloads.comment(comment, WebhookPayloads.newSender(), "PRICE?", REEL, now()));

		await().untilAsserted(() -> assertThat(privateRepliesTo(comment)).hasSize(1));
		assertThat(privateRepliesTo(comment).get(0).getBodyAsString()).isEqualTo("{\"recipient\":{\"comment_id\":\""
				+ comment + "\"},\"message\":{\"text\":\"" + PRIVATE_REPLY.replace("\"", "\\\"") + "\"}}");
		await().untilAsserted(() -> assertThat(publicRepliesTo(comment)).hasSize(1));
		assertThat(publicRepliesTo(comment).get(0).getBodyAsString())
			.isEqualTo("{\"message\":\"" + PUBLIC_REPLY + "\"}");
		assertThat(publicRepliesTo(comment).get(0).getHeader("Authorization"))
			.isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
	}

	@Test
	void theSameCommentDeliveredTwiceIsAnsweredOnce() {
		String comment = newId();
		String sender = WebhookPayloads.newSender();
		long at = now();

		deliver(WebhookPayloads.comment(comment, sender, "price", REEL, at));
		await().untilAsserted(() -> assertThat(privateRepliesTo(comment)).hasSize(1));
		deliver(WebhookPayloads.comment(comment, sender, "price", REEL, at));
		// A later comment of the same person shows the redelivery was handled by then.
		String later = newId();
		deliver(WebhookPayloads.comment(later, sender, "price", REEL, at));
		await().untilAsserted(() -> assertThat(privateRepliesTo(later)).hasSize(1));

		assertThat(privateRepliesTo(comment)).hasSize(1);
		assertThat(publicRepliesTo(comment)).hasSize(1);
	}

	@Test
	void aCommentOlderThanSevenDaysIsNotAnsweredAndCounted() {
		double before = skipped("too_old");
		String old = newId();

		deliver(WebhookPayloads.comment(old, WebhookPayloads.newSender(), "price", REEL,
				now() - Duration.ofDays(8).toMillis()));

		await().untilAsserted(() -> assertThat(skipped("too_old")).isEqualTo(before + 1));
		assertThat(privateRepliesTo(old)).isEmpty();
		assertThat(publicRepliesTo(old)).isEmpty();
	}

	@Test
	void aCommentOnAnotherPostOrWithoutTheKeywordOrByTheAccountItselfIsNotAnswered() {
		double before = skipped("no_row") + skipped("own_comment");
		String otherPost = newId();
		String noKeyword = newId();
		String own = newId();

		deliver(WebhookPayloads.comment(otherPost, WebhookPayloads.newSender(), "price", "17999999999999999", now()));
		deliver(WebhookPayloads.comment(noKeyword, WebhookPayloads.newSender(), "love this lamp", REEL, now()));
		deliver(WebhookPayloads.comment(own, WebhookPayloads.ACCOUNT, "price", REEL, now()));

		await().untilAsserted(() -> assertThat(skipped("no_row") + skipped("own_comment")).isEqualTo(before + 3));
		assertThat(privateRepliesTo(otherPost)).isEmpty();
		assertThat(privateRepliesTo(noKeyword)).isEmpty();
		assertThat(privateRepliesTo(own)).isEmpty();
	}

	@Test
	void privateRepliesOverTheHourlyAllowanceWaitForTheNextHourNoneLostNoneTwice() {
		List<String> comments = new ArrayList<>();
		for (int i = 0; i < PER_HOUR + 2; i++) {
			String comment = newId();
			comments.add(comment);
			deliver(WebhookPayloads.comment(comment, WebhookPayloads.newSender(), "price", REEL, now()));
		}
		// Every comment handled: each got its public reply, which follows its private one
		// or its place in the queue.
		await().untilAsserted(() -> comments.forEach((comment) -> assertThat(publicRepliesTo(comment)).hasSize(1)));
		assertThat(answered(comments)).hasSize(PER_HOUR).doesNotHaveDuplicates();
		assertThat(this.meters.counter("bot.comments.queued").count()).isGreaterThanOrEqualTo(2);

		((MovableClock) this.clock).advance(Duration.ofMinutes(61));

		await().untilAsserted(() -> assertThat(answered(comments)).hasSize(PER_HOUR + 2));
		assertThat(answered(comments)).containsExactlyInAnyOrderElementsOf(comments);
		for (String comment : comments) {
			assertThat(privateRepliesTo(comment)).as(comment).hasSize(1);
		}
	}

	@Test
	void aReplyTakenByAnInstanceThatDiedIsSentOnceByAnotherWhenItsLeaseRunsOut() {
		String comment = newId();
		// Drains only when the test says, so the test's take is the one that dies.
		this.replies.stop();
		try {
			CommentReply reply = new CommentReply(WebhookPayloads.ACCOUNT, comment, "Prices are at lumenandoak.pt",
					"comment:" + comment);
			assertThat(this.queue.enqueue(new PrivateReplyQueue.Queued(reply, now()))).isTrue();
			// Taken, then the instance dies before sending it.
			assertThat(this.queue.take(WebhookPayloads.ACCOUNT, now(), PER_HOUR).reply()).isEqualTo(reply);

			assertThat(this.replies.drain(WebhookPayloads.ACCOUNT)).doesNotContain(comment);
			assertThat(privateRepliesTo(comment)).isEmpty();

			((MovableClock) this.clock).advance(PrivateReplyQueue.LEASE.plusSeconds(1));
			assertThat(this.replies.drain(WebhookPayloads.ACCOUNT)).contains(comment);
			assertThat(privateRepliesTo(comment)).hasSize(1);

			((MovableClock) this.clock).advance(PrivateReplyQueue.LEASE.plusSeconds(1));
			assertThat(this.replies.drain(WebhookPayloads.ACCOUNT)).doesNotContain(comment);
			assertThat(privateRepliesTo(comment)).hasSize(1);
			assertThat(this.redis.zrange(CommentKeys.inFlight(WebhookPayloads.ACCOUNT), 0, -1))
				.noneMatch((member) -> member.contains(comment));
		}
		finally {
			this.replies.start();
		}
	}

	/**
	 * Meta's answer for a comment too old, deleted, or answered already (as when an
	 * instance died after sending but before finishing the reply).
	 */
	@Test
	void aCommentMetaTakesNoPrivateReplyToIsSkippedAndCountedNotDeadLettered() {
		double before = skipped("not_eligible");
		String comment = newId();
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(matchingJsonPath("$.recipient.comment_id", equalTo(comment)))
				.willReturn(aResponse().withStatus(400)
					.withBody("{\"error\":{\"message\":\"Comment is not valid for a private reply\","
							+ "\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":2534025}}")));

		deliver(WebhookPayloads.comment(comment, WebhookPayloads.newSender(), "price", REEL, now()));

		await().untilAsserted(() -> assertThat(skipped("not_eligible")).isEqualTo(before + 1));
		assertThat(privateRepliesTo(comment)).hasSize(1);
		assertThat(this.redis.xrange(OutboundKeys.DEAD_LETTERS, "-", "+"))
			.noneMatch((entry) -> entry.getFields().toString().contains(comment));
		await().untilAsserted(() -> assertThat(publicRepliesTo(comment)).hasSize(1));
	}

	private void deliver(byte[] body) {
		assertThat(this.webhook.post(body).statusCode()).isEqualTo(200);
	}

	private long now() {
		return this.clock.millis();
	}

	private double skipped(String reason) {
		return this.meters.counter("bot.comments.skipped", "reason", reason).count();
	}

	/**
	 * The comments of the list that got their private reply, in the order of the calls.
	 */
	private List<String> answered(List<String> comments) {
		return meta.server()
			.findAll(postRequestedFor(urlPathEqualTo(MetaApiStub.SEND_PATH))
				.withRequestBody(matchingJsonPath("$.recipient.comment_id")))
			.stream()
			.map((request) -> comments.stream()
				.filter((comment) -> request.getBodyAsString().contains("\"" + comment + "\""))
				.findFirst()
				.orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static List<LoggedRequest> privateRepliesTo(String comment) {
		return meta.server()
			.findAll(postRequestedFor(urlPathEqualTo(MetaApiStub.SEND_PATH))
				.withRequestBody(matchingJsonPath("$.recipient.comment_id", equalTo(comment))));
	}

	private static List<LoggedRequest> publicRepliesTo(String comment) {
		return meta.server().findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + comment + "/replies")));
	}

	private static String newId() {
		return Long.toString(18_000_000_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffffffffffL));
	}

}
