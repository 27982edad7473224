package dev.dmbot.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless {@code chromium}, driven through its {@code chromedriver}, for the
 * tests of one class that drive a page of the server: started before the first test,
 * stopped after the last. Without the browser the class is skipped with the install
 * command, except under CI ({@code CI=true}), where it fails. Register it as
 * {@code @RegisterExtension static final HeadlessChromium chromium = new
 * HeadlessChromium("name");}; screenshots go to {@code target/<name>}.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * Selenium warns about browsers newer than its DevTools bindings; pages are driven
	 * through WebDriver only. Held here because java.util.logging holds loggers weakly.
	 */
	static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	private final String name;

	private WebDriver browser;

	private Path profile;

	public HeadlessChromium(String name) {
		this.name = name;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
			String missing = String.format(
					"The browser test needs Debian's chromium and chromedriver at %s and %s. "
							+ "Install them with `sudo apt-get install -y chromium chromium-driver`.",
					CHROMIUM, CHROMEDRIVER);
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(missing + " CI=true, so the browser test is required (.ci/run installs them).");
			}
			System.err.println(missing + " Skipped.");
			Assumptions.abort(missing + " Skipped: set CI=true to make a missing browser fail the build.");
		}
		CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// No background calls to Google's hosts: CI machines have no internet.
		this.profile = Files.createTempDirectory(this.name + "-chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile, "--window-size=1280,800");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	public WebDriver browser() {
		return this.browser;
	}

	/** The first element found once it is displayed. */
	public WebElement waitFor(By locator) {
		return new WebDriverWait(this.browser, WAIT).ignoring(StaleElementReferenceException.class).until((driver) -> {
			List<WebElement> found = driver.findElements(locator);
			return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
		});
	}

	public void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.browser, WAIT).ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	/** The visible text of the first element the selector finds; empty when none. */
	public String text(String cssSelector) {
		List<WebElement> found = this.browser.findElements(By.cssSelector(cssSelector));
		return found.isEmpty() ? "" : found.get(0).getText();
	}

	public Path screenshot(String file) {
		try {
			Path folder = Path.of("target", this.name);
			Files.createDirectories(folder);
			Path path = folder.resolve(file);
			Files.write(path, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
