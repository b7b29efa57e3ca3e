package com.todoapi.e2e;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's headless chromium driven through its chromedriver, with a profile of its own. Skips the
 * test, saying why, where no chromium and chromedriver are installed; {@code TODO_REQUIRE_BROWSER=true}
 * (CI) makes that a failure.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(WebDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    static HeadlessChromium open() throws IOException {
        String chromium = firstExisting(CHROMIUM);
        String driver = firstExisting(DRIVER);
        if (chromium == null || driver == null) {
            String why = "no chromium and chromedriver here (Debian: apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("TODO_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("TODO_REQUIRE_BROWSER is set but there is " + why);
            }
            Assumptions.abort("Skipping the browser test: " + why);
        }
        Path profile = Files.createTempDirectory("try-it-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900",
                // A second name for loopback, so a page can be served from an origin the API does not allow.
                "--host-resolver-rules=MAP foreign.test 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private static String firstExisting(List<String> paths) {
        return paths.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null);
    }
}
