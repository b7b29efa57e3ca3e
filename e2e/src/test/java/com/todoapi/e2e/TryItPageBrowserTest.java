package com.todoapi.e2e;

import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.local.page.TryItPage;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The try-it page in a real browser: Debian's headless chromium, driven through its chromedriver,
 * loads the page from its own origin, signs in, adds a task by chatting, and sees the reply and the
 * task list change; makes an API key, sees it once, copies it and revokes it; a page on a foreign
 * origin cannot read the API. Skips, saying why, where no
 * chromium and chromedriver are installed; {@code TODO_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LocalRuntimeExtension.class)
class TryItPageBrowserTest {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private TryItPage page;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void openTheBrowser(ServiceClient client) throws Exception {
        String chromium = firstExisting(CHROMIUM);
        String driver = firstExisting(DRIVER);
        if (chromium == null || driver == null) {
            String why = "no chromium and chromedriver here (Debian: apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("TODO_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("TODO_REQUIRE_BROWSER is set but there is " + why);
            }
            Assumptions.abort("Skipping the browser test: " + why);
        }
        page = new TryItPage(0, client.base());
        profile = Files.createTempDirectory("try-it-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                // A second name for loopback, so a page can be served from an origin the API does not allow.
                "--host-resolver-rules=MAP foreign.test 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void closeTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (page != null) {
            page.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aPersonAddsATaskByChattingAndSeesTheListChange() {
        browser.get(page.url().toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        String user = "browser-" + System.nanoTime();
        browser.findElement(By.id("user-id")).clear();
        browser.findElement(By.id("user-id")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("message")));

        browser.findElement(By.id("message")).sendKeys("Add a task to water the plants");
        browser.findElement(By.id("send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages li.assistant"), "Water the plants"));
        assertThat(browser.findElement(By.cssSelector("#messages li.assistant .tool")).getText()).startsWith("add_task");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#tasks li .title"), "Water the plants"));

        browser.findElement(By.id("message")).sendKeys("Mark task 1 as complete");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#tasks li"), "class", "completed"));
    }

    @Test
    void aPersonMakesAKeySeenOnceCopiesItAndRevokesIt(ServiceClient client) throws Exception {
        browser.get(page.url().toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        String user = "keys-" + System.nanoTime();
        browser.findElement(By.id("user-id")).clear();
        browser.findElement(By.id("user-id")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("key-name")));
        assertThat(browser.findElement(By.id("no-keys")).isDisplayed()).isTrue();

        browser.findElement(By.id("key-name")).sendKeys("Browser CLI");
        browser.findElement(By.id("create-key")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
        String key = browser.findElement(By.id("new-key-text")).getText();
        assertThat(key).matches(ApiKeyFormat.SCANNER_REGEX);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#keys li .name"), "Browser CLI"));
        assertThat(browser.findElement(By.id("keys")).getText()).as("the listing never shows the key")
                .doesNotContain(key.substring(8));
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key).statusCode())
                .as("the key shown works").isEqualTo(200);

        browser.findElement(By.id("copy-key")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("copy-key"), "Copy")));
        assertThat(browser.findElement(By.id("copy-key")).getText()).isIn("Copied", "Selected: press Ctrl+C");
        browser.findElement(By.id("dismiss-key")).click();
        assertThat(browser.findElement(By.id("new-key")).isDisplayed()).as("shown once").isFalse();
        assertThat(browser.getPageSource()).doesNotContain(key);

        browser.findElement(By.cssSelector("#keys li .revoke")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#keys li"), 0));
        assertThat(browser.findElement(By.id("no-keys")).isDisplayed()).isTrue();
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key).statusCode())
                .as("the revoked key").isEqualTo(401);
    }

    @Test
    void aPageOnAForeignOriginCannotReadTheApi(ServiceClient client) {
        browser.get("http://foreign.test:" + page.port() + "/");
        Object outcome = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done("read " + r.status), e => done("refused: " + e.name));
                """, client.base().resolve("/health").toString());
        assertThat(outcome).asString().startsWith("refused");

        browser.get(page.url().toString());
        Object allowed = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done("read " + r.status), e => done("refused: " + e.name));
                """, client.base().resolve("/health").toString());
        assertThat(allowed).isEqualTo("read 200");
    }

    private static String firstExisting(List<String> paths) {
        return paths.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null);
    }
}
