package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.page.TryItPage;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The try-it page shows the assistant's reply as it is written: the OpenAI-compatible agent against
 * a Chat Completions server on the loopback that streams its answer slowly (a few characters every
 * 100 ms), so the page is seen holding part of the reply before the reply is stored, then exactly
 * the stored reply.
 */
@Tag("browser")
@Tag(E2e.OWN_RUNTIME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LocalRuntimeExtension.class)
@LocalRuntimeExtension.Setup(TryItPageStreamingBrowserTest.SlowModel.class)
class TryItPageStreamingBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String REPLY = "Here is a plan for your week. On Monday, sort the mail and pay the bills. "
            + "On Tuesday, water the plants and call the plumber about the kitchen tap. On Wednesday, "
            + "buy stamps and send the birthday card. On Thursday, clean the windows. On Friday, rest: "
            + "you will have earned it.";

    /** The model answers every request with {@link #REPLY}, six characters a chunk, a chunk every 100 ms. */
    public static final class SlowModel implements LocalRuntimeExtension.RuntimeSetup {
        @Override
        public LocalRuntimeExtension.Prepared prepare(LocalConfig base) {
            FakeChatCompletions server = FakeChatCompletions.start().pace(Duration.ofMillis(100), 6)
                    .brain(request -> FakeChatCompletions.Step.text(REPLY));
            Map<String, String> parameters = new HashMap<>(base.parameters());
            parameters.put("AgentProvider", "openai");
            parameters.put("ModelId", "slow-model");
            parameters.put("ModelBaseUrl", server.baseUrl());
            Map<String, String> environment = new HashMap<>(base.environment());
            environment.put("MODEL_API_KEY", "sk-local-test-key");
            return new LocalRuntimeExtension.Prepared(new LocalConfig(parameters, environment, base.onStart()), server);
        }
    }

    private HeadlessChromium chromium;
    private WebDriver browser;
    private TryItPage page;

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
    void theReplyShowsAsItIsWrittenThenAsStored(ServiceClient client) throws Exception {
        String user = "stream-" + System.nanoTime();
        browser.get(page.url().toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.findElement(By.id("user-id")).clear();
        browser.findElement(By.id("user-id")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-connects", "1"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("message")));

        browser.findElement(By.id("message")).sendKeys("Plan my week");
        browser.findElement(By.id("send")).click();

        By reply = By.cssSelector("#messages li.assistant");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li.assistant.streaming")));
        String partial = wait.until(driver -> {
            String text = driver.findElement(reply).getText();
            return text.length() > 0 && driver.findElement(reply).getAttribute("class").contains("streaming") ? text : null;
        });
        assertThat(partial).as("part of the reply, seen before it is stored").isNotEqualTo(REPLY);
        assertThat(REPLY).startsWith(partial);

        wait.until(driver -> !driver.findElement(reply).getAttribute("class").contains("streaming")
                && !driver.findElement(reply).getAttribute("class").contains("pending"));
        String stored = storedReply(client, user);
        assertThat(stored).isEqualTo(REPLY);
        assertThat(browser.findElement(reply).getText()).isEqualTo(stored);
    }

    /** The assistant's completed reply in the person's one conversation, or null while it is pending. */
    private static String storedReply(ServiceClient client, String user) throws Exception {
        String auth = Tokens.bearer(user);
        HttpResponse<String> conversations = client.get("/v1/conversations", "Authorization", auth);
        JsonNode items = JSON.readTree(conversations.body()).path("items");
        assertThat(items).hasSize(1);
        HttpResponse<String> messages = client.get("/v1/conversations/" + items.get(0).path("id").asText()
                + "/messages?limit=100", "Authorization", auth);
        for (JsonNode message : JSON.readTree(messages.body()).path("items")) {
            if (message.path("role").asText().equals("assistant") && message.path("status").asText().equals("completed")) {
                return message.path("content").asText();
            }
        }
        return null;
    }
}
