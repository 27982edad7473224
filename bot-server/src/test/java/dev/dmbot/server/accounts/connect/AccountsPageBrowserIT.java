package dev.dmbot.server.accounts.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.accounts.AccessToken;
import dev.dmbot.server.accounts.AccountKeys;
import dev.dmbot.server.accounts.AccountStatus;
import dev.dmbot.server.accounts.ConnectedAccount;
import dev.dmbot.server.accounts.ConnectedAccounts;
import dev.dmbot.server.support.HeadlessChromium;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookPayloads;

/**
 * The Accounts page in a real headless Chromium against the whole server, with WireMock
 * as Meta: its authorization window answers at once by sending the browser back to the
 * redirect URI, as Meta does once the owner pressed Allow (or Cancel). The admin signs
 * in, presses the button, lands on the result page and finds the account listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + AccountLoginIT.ADMIN_TOKEN,
				"bot.security.encryption-key=" + AccountLoginIT.ENCRYPTION_KEY,
				"bot.accounts.instagram-app-id=" + AccountLoginIT.APP_ID,
				"bot.accounts.instagram-app-secret=" + AccountLoginIT.APP_SECRET })
class AccountsPageBrowserIT {

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("accounts-browser");

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.accounts.token-url", () -> meta.server().baseUrl() + "/oauth/access_token");
		registry.add("bot.accounts.authorize-url", () -> meta.server().baseUrl() + "/oauth/authorize");
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	ConnectedAccounts accounts;

	static final String REFRESHED = "17841400000000881";

	static final String LOST = "17841400000000882";

	@BeforeEach
	void setUp() {
		for (String key : this.redis.keys("bot:{accounts}:*")) {
			this.redis.del(key);
		}
		meta.server().resetAll();
		meta.acceptEverything();
		AccountLoginIT.metaAgrees(meta.server());
		// Each test signs in afresh; cleared on a page that does not sign in by itself.
		open("/accounts/accounts.css");
		((JavascriptExecutor) chromium.browser()).executeScript("sessionStorage.clear()");
	}

	@Test
	void theAdminConnectsAnAccountWithTheButtonAndFindsItListed() {
		ownerAnswers("code=" + AccountLoginIT.CODE + "&state={{{request.query.state}}}");
		open("/accounts/");
		signIn();
		chromium.waitUntil(() -> rows().size() == 1);
		assertThat(rows().get(0).getText()).contains("Environment account", WebhookPayloads.ACCOUNT)
			.containsIgnoringCase("connected");
		assertThat(chromium.text("[data-testid=redirect-uri]")).isEmpty();

		chromium.waitFor(By.cssSelector("[data-testid=connect]")).click();

		chromium.waitUntil(() -> "connected".equals(outcome()));
		assertThat(chromium.text("[data-testid=login-result]")).contains("Connected @" + AccountLoginIT.USERNAME,
				AccountLoginIT.NEW_ACCOUNT, "messages, messaging_postbacks");
		chromium.screenshot("connected.png");

		chromium.browser().findElement(By.linkText("Back to Accounts")).click();
		chromium.waitUntil(() -> rows().size() == 2);
		String listed = rows().get(1).getText();
		assertThat(listed)
			.contains("@" + AccountLoginIT.USERNAME, AccountLoginIT.NEW_ACCOUNT,
					"messages, messaging_postbacks, messaging_referral", "connected by admin")
			.containsIgnoringCase("connected");
		assertThat(rows().get(0).getText()).contains("Environment account");
		assertThat(chromium.browser().getPageSource()).doesNotContain(AccountLoginIT.LONG_TOKEN);
		chromium.screenshot("accounts.png");
	}

	@Test
	void aCancelledLoginEndsOnAPageSayingWhatToDoAndNothingIsListed() {
		ownerAnswers("error=access_denied&error_reason=user_denied"
				+ "&error_description=The+user+denied+your+request.&state={{{request.query.state}}}");
		open("/accounts/");
		signIn();
		chromium.waitFor(By.cssSelector("[data-testid=connect]")).click();

		chromium.waitUntil(() -> LoginFailure.DENIED.name().equals(outcome()));
		assertThat(chromium.text("[data-testid=login-result]")).contains("Not connected",
				LoginFailure.DENIED.headline(), LoginFailure.DENIED.whatToDo(), "Nothing was stored.");
		chromium.screenshot("denied.png");

		chromium.browser().findElement(By.linkText("Back to Accounts")).click();
		chromium.waitUntil(() -> rows().size() == 1);
		assertThat(this.redis.exists(AccountKeys.IDS)).isFalse();
	}

	@Test
	void eachAccountShowsItsTokensLastRefreshAndADisconnectedOneSaysWhyAndHowToReconnect() {
		this.accounts.save(new ConnectedAccount(REFRESHED, "lumen.lisboa", AccessToken.of("IGAAtoken-refreshed"),
				Instant.parse("2027-03-11T12:00:00Z"), Instant.parse("2026-11-01T09:00:00Z"), "maria",
				AccountStatus.CONNECTED, List.of("messages")));
		this.redis.hset(AccountKeys.account(REFRESHED), Map.of("refreshedAt", "2027-01-10T12:00:00Z", "refreshOutcome",
				"REFRESHED", "tokenIssuedAt", "2027-01-10T12:00:00Z"));
		this.accounts.save(new ConnectedAccount(LOST, "lumen.faro", AccessToken.of("IGAAtoken-lost"),
				Instant.parse("2027-01-09T12:00:00Z"), Instant.parse("2026-11-01T09:00:00Z"), "maria",
				AccountStatus.CONNECTED, List.of("messages")));
		// As the token refresh writes it when Meta answers code 190.
		String reason = "Meta answered HTTP 400 to the token refresh: \"Session has expired\" (code 190)";
		this.redis.hset(AccountKeys.account(LOST),
				Map.of("status", "DISCONNECTED", "disconnectedAt", "2027-01-10T12:00:00Z", "disconnectedReason", reason,
						"refreshedAt", "2027-01-10T12:00:00Z", "refreshOutcome", "DISCONNECTED", "refreshProblem",
						reason));

		open("/accounts/");
		signIn();
		chromium.waitUntil(() -> rows().size() == 3);

		WebElement refreshed = row(REFRESHED);
		assertThat(refreshed.findElement(By.cssSelector("[data-testid=token-expiry]")).getText()).contains("2027",
				"refreshed automatically on");
		WebElement lost = row(LOST);
		assertThat(lost.getText()).containsIgnoringCase("disconnected");
		assertThat(lost.findElement(By.cssSelector("[data-testid=disconnected-reason]")).getText())
			.contains("Session has expired", "Reconnect", "Connect an Instagram account", "@lumen.faro");
		assertThat(chromium.browser().getPageSource()).doesNotContain("IGAAtoken-");
		chromium.screenshot("disconnected.png");
	}

	WebElement row(String account) {
		return chromium.browser()
			.findElement(By.cssSelector("[data-testid=account-row][data-account='" + account + "']"));
	}

	/**
	 * Meta's authorization window, answering at once: back to the redirect URI with this
	 * query.
	 */
	void ownerAnswers(String query) {
		meta.server()
			.stubFor(get(urlPathEqualTo("/oauth/authorize")).willReturn(aResponse().withStatus(302)
				.withHeader("Location", "{{{request.query.redirect_uri}}}?" + query)
				.withTransformers("response-template")));
	}

	void signIn() {
		try {
			chromium.waitFor(By.cssSelector("[data-testid=token-input]")).sendKeys(AccountLoginIT.ADMIN_TOKEN);
			chromium.browser().findElement(By.cssSelector("[data-testid=sign-in-button]")).click();
			chromium.waitFor(By.cssSelector("[data-testid=accounts]"));
		}
		catch (RuntimeException ex) {
			chromium.screenshot("sign-in-failed.png");
			throw new AssertionError(
					"not signed in; the page shows: " + chromium.browser().findElement(By.tagName("body")).getText()
							+ "\nconsole: " + chromium.browser().manage().logs().get("browser").getAll(),
					ex);
		}
	}

	List<WebElement> rows() {
		return chromium.browser().findElements(By.cssSelector("[data-testid=account-row]"));
	}

	String outcome() {
		List<WebElement> result = chromium.browser().findElements(By.cssSelector("[data-testid=login-result]"));
		return result.isEmpty() ? null : result.get(0).getAttribute("data-outcome");
	}

	void open(String path) {
		chromium.browser().get("http://127.0.0.1:" + this.port + path);
	}

}
