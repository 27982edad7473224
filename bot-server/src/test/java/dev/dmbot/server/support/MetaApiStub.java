package dev.dmbot.server.support;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Meta's Graph API, faked by WireMock: the only thing outside the product that the tests
 * replace.
 */
public final class MetaApiStub {

	public static final String APP_SECRET = "test_app_secret";

	public static final String ACCESS_TOKEN = "test-access-token-never-logged";

	public static final String VERIFY_TOKEN = "test-verify-token";

	public static final String SEND_PATH = "/v25.0/" + WebhookPayloads.ACCOUNT + "/messages";

	public static final String PROFILE_PATH = "/v25.0/" + WebhookPayloads.ACCOUNT + "/messenger_profile";

	private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	public MetaApiStub() {
		this.server.start();
		acceptEverything();
	}

	public WireMockServer server() {
		return this.server;
	}

	/** Points the server under test at this fake and switches it out of sandbox mode. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("bot.meta.graph-url", () -> this.server.baseUrl() + "/v25.0");
		registry.add("bot.meta.access-token", () -> ACCESS_TOKEN);
		registry.add("bot.meta.app-secret", () -> APP_SECRET);
		registry.add("bot.meta.verify-token", () -> VERIFY_TOKEN);
		registry.add("bot.meta.account-id", () -> WebhookPayloads.ACCOUNT);
		registry.add("bot.outbound.initial-backoff", () -> "20ms");
		registry.add("bot.outbound.max-backoff", () -> "100ms");
	}

	public void acceptEverything() {
		this.server.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(10)
			.willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"mid.from.meta\"}")));
		this.server
			.stubFor(post(urlPathEqualTo(PROFILE_PATH)).atPriority(10).willReturn(okJson("{\"result\":\"success\"}")));
	}

	/** Every Messenger Profile API call (ice breakers and menu), oldest first. */
	public List<LoggedRequest> profilePushes() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo(PROFILE_PATH)));
	}

	/** Every Send API call made to this customer, oldest first. */
	public List<LoggedRequest> sentTo(String recipient) {
		return this.server.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH))
			.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(recipient))));
	}

}
