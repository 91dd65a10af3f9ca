package org.broadside.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.broadside.App;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * sign in, preview, approve, release now, watch the progress reach 100%, download the report; an editor cannot
 * approve; requests without a session or without the CSRF token are refused. Skipped where no Chromium is
 * installed, so that {@code ./mvnw verify} works on a machine with only a JDK.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = ConsoleService.PASSWORD;
    private static final String STATEMENT = ConsoleService.STATEMENT;

    @TempDir
    Path dir;
    @TempDir
    Path downloads;
    private ConsoleService service;
    private App app;
    private WebDriver browser;
    private String base;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs chromium and chromedriver (Debian packages chromium, chromium-driver)");
        service = new ConsoleService(dir);
        app = service.app;
        base = service.base;
        browser = chromium(downloads);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anApproverPreviewsApprovesReleasesWatchesItFinishAndDownloadsTheReport() throws Exception {
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/console/");
        assertThat(fetchStatus("GET", "/api/statements", false)).as("no session").isEqualTo(401);
        signIn("eni");

        WebElement row = waitFor(By.cssSelector("tr[data-statement='" + STATEMENT + "']"));
        assertThat(row.getText()).contains("needs approval");
        row.findElement(By.linkText(STATEMENT)).click();

        WebElement memberEmail = waitFor(By.cssSelector("article.email[data-format='member']"));
        WebElement frame = memberEmail.findElement(By.tagName("iframe"));
        assertThat(frame.getAttribute("sandbox")).as("no scripts, no same origin").isEmpty();
        browser.switchTo().frame(frame);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Workers’ Day 2027");
        browser.switchTo().defaultContent();
        assertThat(browser.findElements(By.cssSelector("article.email[data-format='press']"))).isNotEmpty();
        List<WebElement> posts = browser.findElements(By.cssSelector("article.post"));
        assertThat(posts).isNotEmpty().allSatisfy(post ->
                assertThat(post.findElement(By.className("length")).getText()).matches("\\d+ / \\d+"));
        screenshot("console-preview.png");

        assertThat(fetchStatus("POST", "/api/statements/" + STATEMENT + "/approve", false))
                .as("without the CSRF token").isEqualTo(403);
        assertThat(service.approved()).isFalse();

        browser.findElement(By.id("approve")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> message().startsWith("approved"));
        assertThat(service.approved()).isTrue();

        browser.findElement(By.id("release-now")).click();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> text(By.id("percent")).equals("100%") && text(By.id("release-state")).equals("done"));
        assertThat(browser.findElement(By.cssSelector("#counts tr[data-state='sent'] td")).getText()).isEqualTo("3");
        screenshot("console-release.png");

        browser.findElement(By.id("report")).click();
        Path report = await().atMost(Duration.ofSeconds(20)).until(() -> downloaded(".csv"), file -> file != null);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("email,country,language");
        assertThat(lines).hasSize(4).anySatisfy(line -> assertThat(line).startsWith("info@kasama.example,PH,"));
    }

    @Test
    void anEditorCannotApprove() {
        browser.get(base + "/console/#/statements/" + STATEMENT);
        signIn("ed");

        WebElement approve = waitFor(By.id("approve"));
        assertThat(approve.isEnabled()).as("the button is off for an editor").isFalse();
        assertThat(fetchStatus("POST", "/api/statements/" + STATEMENT + "/approve", true))
                .as("and the API refuses, CSRF token or not").isEqualTo(403);
        assertThat(service.approved()).isFalse();
    }

    @Test
    void aRefusedRouteEditIsShownAboveEveryPage() throws IOException {
        browser.get(base + "/console/");
        signIn("ed");
        assertThat(browser.findElement(By.id("service")).isDisplayed()).isFalse();

        Files.writeString(dir.resolve("routes/greeting.yaml"), """
                - route:
                    id: greeting
                    from:
                      uri: direct:greeting
                      steps:
                        - logg: "hello"
                """);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.findElement(By.linkText("Contacts")).click();
            browser.findElement(By.linkText("Statements")).click();
            return text(By.id("service")).contains("greeting.yaml:6: ");
        });
        assertThat(text(By.id("service"))).startsWith("Route edit refused, the previous routes keep running");
    }

    private void signIn(String name) {
        waitFor(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#sign-in button[type='submit']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> text(By.id("who")).startsWith(name + " ("));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).as("the form goes away").isFalse();
    }

    /** Calls the API from the page, as a script on it would, with or without the session's CSRF token. */
    private long fetchStatus(String method, String path, boolean withCsrf) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = arguments[2] && state.session ? {"X-CSRF-Token": state.session.csrfToken} : {};
                fetch(arguments[1], {method: arguments[0], headers, credentials: "same-origin"})
                    .then(response => done(response.status), () => done(-1));
                """, method, path, withCsrf);
        return (Long) status;
    }

    private WebElement waitFor(By locator) {
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> browser.findElement(locator), element -> element.isDisplayed());
    }

    /** The element's text; the release page redraws itself every second, so a redrawn element is read again. */
    private String text(By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> found = browser.findElements(locator);
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    private String message() {
        return text(By.id("message"));
    }

    private Path downloaded(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> file.toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    /** Kept under target/ for the README's screenshot. */
    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver chromium(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }
}
