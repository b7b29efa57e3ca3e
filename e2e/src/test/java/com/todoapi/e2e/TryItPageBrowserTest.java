package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.page.TryItPage;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import com.todoapi.testing.WebSocketEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The try-it page in a real browser ({@link HeadlessChromium}): loads the page from its own origin,
 * signs in, adds a task by chatting, and sees the reply and the task list change; sets and edits a
 * task's due date, priority and labels; sees an overdue task marked; sees a task added in one tab
 * appear in another over the live connection, and the page reconnect with a fresh ticket when the
 * server closes it; makes an API key, sees it once, copies it and revokes it; a page on a foreign
 * origin cannot read the API.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LocalRuntimeExtension.class)
class TryItPageBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TryItPage page;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void openTheBrowser(ServiceClient client, LocalRuntime runtime) throws Exception {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
        page = new TryItPage(0, client.base(), runtime.webSocketUrl());
    }

    @AfterAll
    void closeTheBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (page != null) {
            page.close();
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
        // The text may show while the reply is still being written; the stored reply carries its tool calls.
        By stored = By.cssSelector("#messages li.assistant:not(.pending):not(.streaming) .tool");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(stored)).getText()).startsWith("add_task");
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
    void aPersonSetsADueDateAPriorityAndLabelsSeesThemAndEditsThem(ServiceClient client) throws Exception {
        String user = signIn("time-" + System.nanoTime());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        addTask("Pay the rent", "2030-01-15", "09:30", "high", "Home, Money");
        WebElement task = wait.until(ExpectedConditions.presenceOfElementLocated(taskTitled("Pay the rent")));
        assertThat(task.findElement(By.cssSelector(".due")).getText()).isEqualTo("due 2030-01-15 09:30");
        assertThat(task.findElement(By.cssSelector(".priority")).getText()).isEqualTo("high priority");
        assertThat(task.findElements(By.cssSelector(".label")).stream().map(WebElement::getText))
                .containsExactly("Home", "Money");
        assertThat(task.getAttribute("class")).doesNotContain("overdue");
        JsonNode stored = onlyTask(client, user);
        assertThat(stored.path("due").asText()).isEqualTo("2030-01-15T09:30");
        assertThat(stored.path("priority").asText()).isEqualTo("high");
        assertThat(stored.path("labels").toString()).isEqualTo("[\"Home\",\"Money\"]");

        task.findElement(By.cssSelector(".edit")).click();
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tasks li.editing form")));
        fill(form, null, null, "", "low", "Home");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tasks li.editing"), 0));
        task = browser.findElement(taskTitled("Pay the rent"));
        assertThat(task.findElement(By.cssSelector(".due")).getText()).as("a day, once the time is cleared")
                .isEqualTo("due 2030-01-15");
        assertThat(task.findElement(By.cssSelector(".priority")).getText()).isEqualTo("low priority");
        assertThat(task.findElements(By.cssSelector(".label")).stream().map(WebElement::getText)).containsExactly("Home");
        stored = onlyTask(client, user);
        assertThat(stored.path("due").asText()).isEqualTo("2030-01-15");
        assertThat(stored.path("priority").asText()).isEqualTo("low");
        assertThat(stored.path("labels").toString()).isEqualTo("[\"Home\"]");
        assertThat(stored.path("version").asInt()).as("one PATCH").isEqualTo(2);
    }

    @Test
    void anOverdueTaskStandsOutInStyleAndInWords() {
        signIn("overdue-" + System.nanoTime());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        addTask("File the taxes", "2020-04-15", "", "medium", "");
        addTask("Someday", "", "", "none", "");
        WebElement late = wait.until(ExpectedConditions.presenceOfElementLocated(taskTitled("File the taxes")));
        WebElement undated = wait.until(ExpectedConditions.presenceOfElementLocated(taskTitled("Someday")));
        assertThat(late.getAttribute("class")).contains("overdue");
        assertThat(late.findElement(By.cssSelector(".overdue-note")).getText()).as("said in words, not only colour")
                .isEqualTo("Overdue");
        assertThat(late.getCssValue("border-left-style")).isEqualTo("solid");
        assertThat(undated.getAttribute("class")).doesNotContain("overdue");
        assertThat(undated.findElements(By.cssSelector(".overdue-note"))).isEmpty();
        assertThat(undated.findElements(By.cssSelector(".meta"))).as("nothing to show").isEmpty();

        String zone = (String) ((JavascriptExecutor) browser).executeScript(
                "return Intl.DateTimeFormat().resolvedOptions().timeZone");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("use-browser-zone"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("zone"), zone));
    }

    @Test
    void aTaskAddedInOneTabAppearsInTheOtherWithoutAReload(ServiceClient client) throws Exception {
        String user = signIn("tabs-" + System.nanoTime());
        String tabA = browser.getWindowHandle();
        awaitLive(1);
        browser.switchTo().newWindow(WindowType.TAB);
        String tabB = browser.getWindowHandle();
        try {
            signIn(user);
            awaitLive(1);
            browser.switchTo().window(tabA);
            addTask("Buy stamps", "2031-03-01", "", "medium", "Errands");

            browser.switchTo().window(tabB);
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            WebElement task = wait.until(ExpectedConditions.presenceOfElementLocated(taskTitled("Buy stamps")));
            assertThat(task.findElement(By.cssSelector(".label")).getText()).isEqualTo("Errands");
            assertThat(task.findElement(By.cssSelector(".priority")).getText()).isEqualTo("medium priority");
            assertThat(browser.findElement(By.id("live")).getAttribute("data-connects")).as("no reconnect, no reload")
                    .isEqualTo("1");

            long id = onlyTask(client, user).path("id").asLong();
            assertThat(client.send("DELETE", "/v1/tasks/" + id, null, "Authorization", Tokens.bearer(user)).statusCode())
                    .isEqualTo(204);
            wait.until(ExpectedConditions.numberOfElementsToBe(taskTitled("Buy stamps"), 0));
            browser.switchTo().window(tabA);
            wait.until(ExpectedConditions.numberOfElementsToBe(taskTitled("Buy stamps"), 0));
        } finally {
            browser.switchTo().window(tabB).close();
            browser.switchTo().window(tabA);
        }
    }

    @Test
    void thePageReconnectsWithAFreshTicketWhenTheConnectionDrops(ServiceClient client, LocalRuntime runtime,
            WebSocketEndpoints endpoints) throws Exception {
        Set<String> before = Set.copyOf(openConnections(runtime));
        String user = signIn("reconnect-" + System.nanoTime());
        awaitLive(1);
        List<String> mine = openConnections(runtime).stream().filter(id -> !before.contains(id)).toList();
        assertThat(mine).as("the page's one connection").hasSize(1);

        HttpResponse<String> closed = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoints.connection(mine.get(0))).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).as("@connections DELETE").isEqualTo(204);
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.not(
                ExpectedConditions.attributeToBe(By.id("live"), "data-connects", "1")));
        awaitLive(2);
        assertThat(openConnections(runtime).stream().filter(id -> !before.contains(id)))
                .as("a new connection, the dropped one gone").hasSize(1).doesNotContain(mine.get(0));

        HttpResponse<String> created = client.send("POST", "/v1/tasks", "{\"title\":\"After the drop\",\"labels\":[\"Live\"]}",
                "Authorization", Tokens.bearer(user), "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(taskTitled("After the drop")));
    }

    /**
     * The page with planned tasks, one overdue, and a short chat, saved as {@code e2e/target/try-it.png};
     * {@code -Dtry-it.screenshot=docs/try-it.png} (a path from the repository's root) retakes the README's picture.
     */
    @Test
    void theReadmeScreenshot() throws Exception {
        browser.manage().window().setSize(new Dimension(1200, 800));
        signIn("alice-" + System.nanoTime() % 10000);
        awaitLive(1);
        addTask("Pay the rent", "2020-12-01", "", "high", "Home, Money");
        addTask("Dentist", "2030-12-09", "10:30", "medium", "Health");
        addTask("Plan the trip", "2030-12-20", "", "low", "Travel, Family");
        browser.findElement(By.id("message")).sendKeys("Add a task to call mom");
        browser.findElement(By.id("send")).click();
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.presenceOfElementLocated(taskTitled("Call mom")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages li.assistant .tool"), "add_task"));
        browser.findElement(By.id("message")).sendKeys("Show my overdue tasks");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages li.assistant:not(.pending)"), 2));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path target = RepoFiles.root().resolve(System.getProperty("try-it.screenshot", "e2e/target/try-it.png"));
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(target)).isPositive();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Waits until the page says it is live after its {@code connects}-th successful connect. */
    private void awaitLive(int connects) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-connects", String.valueOf(connects)));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
    }

    private static List<String> openConnections(LocalRuntime runtime) {
        return runtime.webSockets().get(0).openConnections();
    }

    private String signIn(String user) {
        browser.get(page.url().toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.findElement(By.id("user-id")).clear();
        browser.findElement(By.id("user-id")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#new-task input[name=title]")));
        return user;
    }

    private void addTask(String title, String dueDate, String dueTime, String priority, String labels) {
        WebElement form = browser.findElement(By.id("new-task"));
        fill(form, title, dueDate, dueTime, priority, labels);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(taskTitled(title)));
    }

    /**
     * A null leaves a field as it is. Date and time inputs are set through their value: what typing
     * into them means depends on the browser's locale.
     */
    private void fill(WebElement form, String title, String dueDate, String dueTime, String priority, String labels) {
        if (title != null) {
            form.findElement(By.name("title")).clear();
            form.findElement(By.name("title")).sendKeys(title);
        }
        if (dueDate != null) {
            setValue(form.findElement(By.name("due_date")), dueDate);
        }
        if (dueTime != null) {
            setValue(form.findElement(By.name("due_time")), dueTime);
        }
        new Select(form.findElement(By.name("priority"))).selectByValue(priority);
        form.findElement(By.name("labels")).clear();
        form.findElement(By.name("labels")).sendKeys(labels);
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private static By taskTitled(String title) {
        return By.xpath("//ul[@id='tasks']/li[.//span[@class='title' and text()='" + title + "']]");
    }

    private static JsonNode onlyTask(ServiceClient client, String user) throws Exception {
        HttpResponse<String> list = client.get("/v1/tasks", "Authorization", Tokens.bearer(user));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(list.body()).path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
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
}
