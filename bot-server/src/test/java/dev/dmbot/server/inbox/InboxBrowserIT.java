package dev.dmbot.server.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.escalation.Escalation;
import dev.dmbot.server.escalation.EscalationService;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The agent inbox page in a real headless Chromium, against the whole server: signed
 * webhooks in, escalations and conversations in a real redis-server, the agent's reply
 * out to a fake Meta. The browser is Debian's {@code chromium}, driven through its
 * {@code chromedriver}; without them this test is skipped with the install command,
 * except under CI ({@code CI=true}), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bot.security.admin-token=" + InboxBrowserIT.ADMIN_TOKEN)
class InboxBrowserIT {

	static final String ADMIN_TOKEN = "it-inbox-admin-token-5Rk9w";

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Where screenshots go: one of the conversation, and one of any failure. */
	static final Path SCREENSHOTS = Path.of("target", "inbox-browser");

	static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * Selenium 4.49 carries DevTools bindings up to Chrome 153 and warns about newer
	 * browsers. The test drives the page through WebDriver only, so the warning is
	 * silenced; the logger is held here because java.util.logging holds loggers weakly.
	 */
	static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	static final MetaApiStub meta = new MetaApiStub();

	static WebDriver browser;

	static Path profile;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser != null) {
				Path file = screenshot(context.getRequiredTestMethod().getName() + "-failed.png");
				System.err.println("Screenshot of the failure: " + file.toAbsolutePath());
			}
		}
	};

	/** CI runs {@code .ci/run} with {@code CI=true}, as most CI services set it. */
	static boolean underCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
			String missing = String.format(
					"The inbox browser test needs Debian's chromium and chromedriver at %s "
							+ "and %s. Install them with `sudo apt-get install -y chromium chromium-driver`.",
					CHROMIUM, CHROMEDRIVER);
			// A newcomer's machine with only a JDK still passes the test command; CI
			// (.ci/run installs the browser) must never skip the browser quietly.
			if (underCi()) {
				fail(missing + " CI=true, so the browser test is required (.ci/run installs them).");
			}
			System.err.println(missing + " Skipped.");
			Assumptions.abort(missing + " Skipped: set CI=true to make a missing browser fail the build.");
		}
		CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// No background calls to Google's hosts: CI machines have no internet.
		profile = Files.createTempDirectory("inbox-chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1280,800");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		browser = new ChromeDriver(service, options);
		// --window-size sizes the window; make the page itself 1280 × 800.
		JavascriptExecutor js = (JavascriptExecutor) browser;
		long chromeWidth = (Long) js.executeScript("return window.outerWidth - window.innerWidth");
		long chromeHeight = (Long) js.executeScript("return window.outerHeight - window.innerHeight");
		browser.manage().window().setSize(new Dimension(1280 + (int) chromeWidth, 800 + (int) chromeHeight));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	EscalationService escalations;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
		// Each test signs in afresh: the token lives in the tab's sessionStorage.
		open("/inbox/");
		script("sessionStorage.clear()");
	}

	@Test
	void anAgentSeesTheEscalationLiveAnswersTheCustomerAndResolvesIt() {
		Token agent = token("AGENT");
		assertThat(this.webhook.post(this.customer.textMessage("I want to talk to a person")).statusCode())
			.isEqualTo(200);
		// The bot's only answer: the handover message of the Escalations sheet.
		await().atMost(WAIT).until(() -> !meta.sentTo(this.customer.sender()).isEmpty());
		Escalation escalation = this.escalations.pausing(WebhookPayloads.ACCOUNT, this.customer.sender())
			.orElseThrow(() -> new AssertionError("the conversation did not open an escalation"));
		String id = escalation.id();

		open("/inbox");
		signIn(agent.token());
		waitUntil(() -> "I want to talk to a person".equals(lastMessageInQueue(id)));

		click(By.cssSelector("[data-testid=queue-item][data-escalation-id='" + id + "']"));
		waitUntil(() -> messageTexts("in").contains("I want to talk to a person"));
		click(By.cssSelector("[data-kind=bot] [data-testid=trail] summary"));
		assertThat(this.browser().findElement(By.cssSelector("[data-kind=bot] [data-testid=trail]")).getText())
			.contains("Intent", "Rows fired", "lumen-oak.xlsx › Replies › row");
		assertThat(this.browser().getCurrentUrl()).endsWith("/inbox/#" + id);

		script("window.sameDocument = true");
		assertThat(this.webhook.post(this.customer.textMessage("Are you still there?")).statusCode()).isEqualTo(200);
		waitUntil(() -> messageTexts("in").contains("Are you still there?"));
		assertThat(meta.sentTo(this.customer.sender())).as("the bot stays silent once a person has the conversation")
			.hasSize(1);
		assertThat(script("return window.sameDocument")).as("the new message appeared without reloading the page")
			.isEqualTo(true);
		waitUntil(() -> "Are you still there?".equals(lastMessageInQueue(id)));

		click(By.cssSelector("[data-testid=claim]"));
		waitUntil(() -> "claimed".equals(status()));
		assertThat(text("[data-testid=conversation-meta]")).contains("claimed by " + agent.name());

		String reply = "Hi! I'm Ana from the care team 👋 Let me look into it.";
		this.browser().findElement(By.cssSelector("[data-testid=reply-input]")).sendKeys(reply, Keys.ENTER);
		await().atMost(WAIT).until(() -> !sendApiCalls(reply).isEmpty());
		assertThat(sendApiCalls(reply)).containsExactly(this.json.readTree("""
				{"recipient": {"id": "%s"}, "message": {"text": "%s"}}""".formatted(this.customer.sender(), reply)));
		waitUntil(() -> messageTexts("agent").contains(reply));
		assertThat(text("[data-testid=reply-input]")).isEmpty();

		String note = "Order 1042: the courier lost it, offered a refund";
		this.browser().findElement(By.cssSelector("[data-testid=reply-input]")).sendKeys(note);
		click(By.cssSelector("[data-testid=add-note]"));
		waitUntil(() -> messageTexts("note").contains(note));
		assertThat(sendApiCalls(note)).as("a note is never sent").isEmpty();
		screenshot("conversation.png");

		click(By.cssSelector("[data-testid=resolve]"));
		waitUntil(() -> this.browser()
			.findElements(By.cssSelector("[data-testid=queue-item][data-escalation-id='" + id + "']"))
			.isEmpty());
		waitUntil(() -> "resolved".equals(status()));
		assertThat(this.escalations.pausing(WebhookPayloads.ACCOUNT, this.customer.sender())).isEmpty();

		// A link to the conversation opens it, still signed in: the token lives as long
		// as the tab.
		open("/inbox/#" + id);
		waitUntil(() -> messageTexts("agent").contains(reply) && "resolved".equals(status()));
		assertThat(this.browser().findElement(By.cssSelector("[data-testid=reply-input]")).isEnabled()).isFalse();

		// On a phone-sized window one pane shows at a time.
		Dimension desk = this.browser().manage().window().getSize();
		this.browser().manage().window().setSize(new Dimension(520, desk.getHeight()));
		try {
			waitUntil(() -> !this.browser().findElement(By.cssSelector("[data-testid=queue]")).isDisplayed());
			assertThat(this.browser().findElement(By.cssSelector("[data-testid=conversation]")).isDisplayed()).isTrue();
			screenshot("narrow.png");
			click(By.cssSelector("[data-testid=back]"));
			waitUntil(() -> this.browser().findElement(By.cssSelector("[data-testid=queue]")).isDisplayed());
		}
		finally {
			this.browser().manage().window().setSize(desk);
		}
		assertThat(javaScriptErrors()).isEmpty();
	}

	@Test
	void aTokenThatCannotOpenTheInboxIsToldSoInPlainWords() {
		open("/inbox/");
		signInRefused("not-a-real-token", "The server did not accept this token.");
		signInRefused(token("ANALYST").token(),
				"This token cannot open the inbox: it needs the AGENT (or ADMIN) role.");
		assertThat(this.browser().findElement(By.cssSelector("[data-testid=queue]")).isDisplayed()).isFalse();
	}

	@Test
	void theEventStreamParserReadsEventsHoweverTheNetworkSplitsThem() {
		open("/inbox/");
		String events = (String) script("""
				const events = [];
				const feed = window.dmbotInbox.sseParser((type, data, id) => events.push({type, data, id}), () => {});
				for (const chunk of arguments[0]) feed(chunk);
				return JSON.stringify(events);""",
				List.of("event: escal", "ation\r", "\ndata: {\"id\":\"e1\"}\r\ndata:two\r\n", "\r\n: keep-alive\n\n",
						"id: 7\nevent:message\ndata: {\"text\":\"olá 👋\"}\n", "\n"));
		assertThat(this.json.readTree(events)).isEqualTo(this.json.readTree("""
				[{"type": "escalation", "data": "{\\"id\\":\\"e1\\"}\\ntwo", "id": null},
				 {"type": "message", "data": "{\\"text\\":\\"olá 👋\\"}", "id": "7"}]"""));
	}

	/** A named token with this role, created through the admin API. */
	Token token(String role) {
		String name = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = HttpCalls
			.send(this.http, HttpRequest.newBuilder(URI.create(base() + "/api/admin/tokens"))
				.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new Token(name, this.json.readTree(created.body()).path("token").asString());
	}

	record Token(String name, String token) {
	}

	void signIn(String token) {
		waitFor(By.cssSelector("[data-testid=token-input]")).sendKeys(token);
		this.browser().findElement(By.cssSelector("[data-testid=sign-in-button]")).click();
		waitFor(By.cssSelector("[data-testid=queue]"));
	}

	void signInRefused(String token, String message) {
		WebElement input = waitFor(By.cssSelector("[data-testid=token-input]"));
		input.clear();
		input.sendKeys(token);
		this.browser().findElement(By.cssSelector("[data-testid=sign-in-button]")).click();
		waitUntil(() -> text("[data-testid=sign-in-error]").startsWith(message));
	}

	/** The bodies of the Send API calls to this customer with this text. */
	List<JsonNode> sendApiCalls(String text) {
		return meta.sentTo(this.customer.sender())
			.stream()
			.map((request) -> this.json.readTree(request.getBodyAsString()))
			.filter((body) -> text.equals(body.path("message").path("text").asString()))
			.toList();
	}

	/**
	 * Read in one go in the page, as the list may be redrawn at any moment by a live
	 * event.
	 */
	@SuppressWarnings("unchecked")
	List<String> messageTexts(String kind) {
		return (List<String>) script("return [...document.querySelectorAll(" + "'[data-testid=message][data-kind="
				+ kind + "] [data-testid=message-text]')].map((m) => m.innerText)");
	}

	String lastMessageInQueue(String id) {
		return (String) script("return document.querySelector("
				+ "'[data-testid=queue-item][data-escalation-id=\"' + arguments[0] + '\"] [data-testid=last-message]')"
				+ "?.innerText", id);
	}

	/**
	 * Clicks what the locator finds, finding it again when a live update redrew it
	 * meanwhile.
	 */
	void click(By locator) {
		new WebDriverWait(this.browser(), WAIT).ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(locator).click();
			return true;
		});
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser()).executeScript(script, arguments);
	}

	/** The open conversation's status as the API named it. */
	String status() {
		return (String) script("return document.querySelector('[data-testid=status]')?.dataset.status");
	}

	String text(String css) {
		WebElement element = this.browser().findElement(By.cssSelector(css));
		String value = element.getDomProperty("value");
		return value != null ? value : element.getText();
	}

	/**
	 * Uncaught exceptions and failed scripts; refused API calls the page handles are not
	 * errors.
	 */
	List<String> javaScriptErrors() {
		return this.browser()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> !message.contains("Failed to load resource"))
			.collect(Collectors.toList());
	}

	void open(String path) {
		this.browser().get(base() + path);
	}

	WebElement waitFor(By locator) {
		return new WebDriverWait(this.browser(), WAIT).ignoring(StaleElementReferenceException.class)
			.until((driver) -> {
				List<WebElement> found = driver.findElements(locator);
				return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
			});
	}

	void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.browser(), WAIT).ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	WebDriver browser() {
		return browser;
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	static Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name);
			Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
