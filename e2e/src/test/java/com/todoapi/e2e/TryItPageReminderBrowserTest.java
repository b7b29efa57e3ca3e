package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.page.TryItPage;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder on the try-it page: with the local runtime's schedules on, a task whose {@code remind_at}
 * has passed is reminded at the next minute, and the page, whose person has not allowed notifications
 * (headless Chromium grants none), shows it as an in-page toast. One wait of at most about 80 s.
 */
@Tag("browser")
@Tag(E2e.OWN_RUNTIME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TryItPageReminderBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private HeadlessChromium chromium;
    private WebDriver browser;
    private LocalRuntime runtime;
    private TryItPage page;

    @BeforeAll
    void start() throws Exception {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
        runtime = LocalRuntime.start(LocalRuntimeExtension.recorded(new LocalRuntime.Options(RepoFiles.template(),
                LocalConfig.read(RepoFiles.localConfig()), 0, 0, 0, null, 2, false, true,
                line -> System.out.println("[reminder-page] " + line))));
        page = new TryItPage(0, runtime.url(), runtime.webSocketUrl());
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (page != null) {
            page.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aReminderShowsAsAToastWhenNotificationsAreNotAllowed() throws Exception {
        String user = "reminded-" + System.nanoTime();
        browser.get(page.url().toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.findElement(By.id("user-id")).clear();
        browser.findElement(By.id("user-id")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-connects", "1"));
        assertThat(((JavascriptExecutor) browser).executeScript("return Notification.permission"))
                .as("the toast path").isNotEqualTo("granted");

        ServiceClient client = new ServiceClient(runtime.url());
        String remindAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> created = client.send("POST", "/v1/tasks",
                JSON.createObjectNode().put("title", "Call John").put("due", "2030-05-01T17:00")
                        .put("remind_at", remindAt).toString(),
                "Authorization", Tokens.bearer(user), "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).path("id").asLong();

        // A remind_at already past fires at the next minute: at most a minute away, plus a cold function.
        WebElement toast = new WebDriverWait(browser, Duration.ofSeconds(90)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toasts .toast[data-task-id='" + id + "']")));
        assertThat(toast.getAttribute("role")).isEqualTo("alert");
        assertThat(toast.findElement(By.cssSelector(".toast-text")).getText()).isEqualTo("Call John (due 2030-05-01 17:00)");
        JsonNode task = JSON.readTree(client.get("/v1/tasks/" + id, "Authorization", Tokens.bearer(user)).body());
        assertThat(task.path("reminded_at").isNull()).as("recorded as fired").isFalse();

        toast.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#toasts .toast"), 0));
    }
}
