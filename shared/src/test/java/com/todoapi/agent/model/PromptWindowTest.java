package com.todoapi.agent.model;

import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;

import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptWindowTest {

    @Test
    void anEarlierReplysToolCallsComeBeforeItsTextAsCallsAndTheirResults() {
        List<ModelMessage> messages = PromptWindow.of(List.of(
                user("add milk"),
                reply("Added task 1 \"Milk\".", new ToolCall("add_task", Map.of("title", "Milk"), created(1, "Milk")))),
                "thanks");

        assertThat(messages).containsExactly(
                new ModelMessage.User("add milk"),
                new ModelMessage.Assistant("", List.of(new RequestedCall("h2_0", "add_task", "{\"title\":\"Milk\"}"))),
                new ModelMessage.ToolResults(List.of(new ToolResult("h2_0",
                        "{\"task_id\":1,\"status\":\"created\",\"title\":\"Milk\"}", false))),
                new ModelMessage.Assistant("Added task 1 \"Milk\".", List.of()),
                new ModelMessage.User("thanks"));
    }

    @Test
    void aFailedEarlierCallIsShownAsAnError() {
        List<ModelMessage> messages = PromptWindow.of(List.of(user("done 9"),
                reply("There is no task 9.", new ToolCall("complete_task", Map.of("task_id", 9), Map.of("error", "Task 9 not found")))),
                "ok");

        assertThat(messages.get(2)).isEqualTo(new ModelMessage.ToolResults(List.of(
                new ToolResult("h2_0", "{\"error\":\"Task 9 not found\"}", true))));
    }

    @Test
    void callIdsDifferFromReplyToReply() {
        List<ModelMessage> messages = PromptWindow.of(List.of(
                user("list"), reply("Nothing yet.", new ToolCall("list_tasks", Map.of(), List.of())),
                user("list again"), reply("Still nothing.", new ToolCall("list_tasks", Map.of(), List.of()))), "ok");

        assertThat(((ModelMessage.Assistant) messages.get(1)).calls().getFirst().id()).isEqualTo("h2_0");
        assertThat(((ModelMessage.Assistant) messages.get(5)).calls().getFirst().id()).isEqualTo("h4_0");
    }

    @Test
    void anEarlierReplyShowsAtMostItsFirstCallsAndEachResultIsCapped() {
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            calls.add(new ToolCall("list_tasks", Map.of(), tasks(500)));
        }
        List<ModelMessage> messages = PromptWindow.of(List.of(user("list a lot"),
                new ChatMessage(ChatMessage.Role.ASSISTANT, "Here they are.", calls)), "thanks");

        ModelMessage.Assistant asked = (ModelMessage.Assistant) messages.get(1);
        ModelMessage.ToolResults results = (ModelMessage.ToolResults) messages.get(2);
        assertThat(asked.calls()).hasSize(PromptWindow.CALLS_PER_EARLIER_REPLY);
        assertThat(results.results()).hasSize(PromptWindow.CALLS_PER_EARLIER_REPLY)
                .allSatisfy(result -> assertThat(result.content()).hasSizeLessThanOrEqualTo(ToolResultText.MAX_CHARS)
                        .contains("of 500 items"));
    }

    @Test
    void aWindowThatStartsWithAReplyDropsIt() {
        List<ModelMessage> messages = PromptWindow.of(List.of(reply("Added.",
                new ToolCall("add_task", Map.of("title", "x"), created(1, "x"))), user("and?"), reply("That's all.")), "bye");

        assertThat(messages).containsExactly(new ModelMessage.User("and?"),
                new ModelMessage.Assistant("That's all.", List.of()), new ModelMessage.User("bye"));
    }

    @Test
    void aMissingReplyIsStoodInForSoThePersonAndTheAssistantTakeTurns() {
        List<ModelMessage> messages = PromptWindow.of(List.of(user("first"), user("second"), reply("Yes."), user("third")),
                "fourth");

        assertThat(messages).containsExactly(
                new ModelMessage.User("first"), new ModelMessage.Assistant(PromptWindow.NO_REPLY, List.of()),
                new ModelMessage.User("second"), new ModelMessage.Assistant("Yes.", List.of()),
                new ModelMessage.User("third"), new ModelMessage.Assistant(PromptWindow.NO_REPLY, List.of()),
                new ModelMessage.User("fourth"));
    }

    @Test
    void withNoHistoryThereIsOnlyTheMessage() {
        assertThat(PromptWindow.of(List.of(), "hi")).containsExactly(new ModelMessage.User("hi"));
    }

    private static ChatMessage user(String text) {
        return new ChatMessage(ChatMessage.Role.USER, text, List.of());
    }

    private static ChatMessage reply(String text, ToolCall... calls) {
        return new ChatMessage(ChatMessage.Role.ASSISTANT, text, List.of(calls));
    }

    private static Map<String, Object> created(long id, String title) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", id);
        result.put("status", "created");
        result.put("title", title);
        return result;
    }

    static List<Map<String, Object>> tasks(int count) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", i);
            task.put("title", "Task number " + i);
            task.put("completed", i % 3 == 0);
            tasks.add(task);
        }
        return tasks;
    }
}
