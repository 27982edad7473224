package dev.dmbot.server.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.system.MetaProperties;

/**
 * The Send API client takes the token of the account a message goes out from, for DMs and
 * public comment replies alike, and never lets it into an error.
 */
class GraphSendApiClientTest {

	static final String ACCOUNT = "17841405822304914";

	static final String TOKEN = "IGQWRtoken-send-api-4f9a";

	final WireMockServer meta = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	GraphSendApiClient client() {
		this.meta.start();
		URI graph = URI.create(this.meta.baseUrl() + "/v25.0");
		Accounts accounts = Accounts
			.configured(new MetaProperties("app-secret", null, "verify", TOKEN, ACCOUNT, graph));
		return new GraphSendApiClient(graph, accounts,
				new OutboundProperties(100, 1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5)),
				JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.meta.stop();
	}

	@Test
	void aDmGoesOutFromItsAccountWithThatAccountsToken() {
		GraphSendApiClient client = client();
		this.meta.stubFor(post(urlPathEqualTo("/v25.0/" + ACCOUNT + "/messages"))
			.willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"mid.1\"}")));

		assertThat(client.send(ACCOUNT, Map.of("recipient", Map.of("id", "42")))).isEqualTo("mid.1");
		this.meta.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + ACCOUNT + "/messages")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

	@Test
	void aPublicCommentReplyUsesTheTokenOfTheCommentsAccount() {
		GraphSendApiClient client = client();
		this.meta
			.stubFor(post(urlPathEqualTo("/v25.0/17900000000000001/replies")).willReturn(okJson("{\"id\":\"c.2\"}")));

		assertThat(client.replyToComment(ACCOUNT, "17900000000000001", "Thanks!")).isEqualTo("c.2");
		this.meta.verify(postRequestedFor(urlPathEqualTo("/v25.0/17900000000000001/replies"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void aRefusalNamesMetasErrorAndNeverTheToken() {
		GraphSendApiClient client = client();
		this.meta.stubFor(post(urlPathEqualTo("/v25.0/" + ACCOUNT + "/messages")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}")));

		SendApiException refused = catchThrowableOfType(SendApiException.class,
				() -> client.send(ACCOUNT, Map.of("recipient", Map.of("id", "42"))));

		assertThat(refused.getMessage()).contains("code 190").doesNotContain(TOKEN);
		assertThat(refused.error().toString()).doesNotContain(TOKEN);
	}

}
