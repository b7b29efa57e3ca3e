package com.todoapi.bench;

import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.Toolbox;
import com.todoapi.agent.memory.RollingSummary;
import com.todoapi.agent.memory.TaskFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages the benchmarks' conversations are made of: "Add a task to pay the rent #0012",
 * four errands in turn with a number of fixed width, so that any window of eight messages holds
 * the same text whatever its place in the conversation.
 */
final class Errands {
    private static final List<String> ERRANDS = List.of("buy milk", "call mom", "pay the rent", "book the dentist");

    private Errands() {
    }

    /** The person's {@code n}th request, from 1. */
    static String request(int n) {
        return "Add a task to " + ERRANDS.get((n - 1) % ERRANDS.size()) + String.format(" #%04d", n);
    }

    /**
     * {@code exchanges} earlier exchanges as a turn's window holds them: each request, and its
     * reply with the add_task call it made (task {@code n} for request {@code n}).
     */
    static List<ChatMessage> window(int exchanges) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int n = 1; n <= exchanges; n++) {
            String title = AddThenConfirm.title(request(n));
            messages.add(new ChatMessage(ChatMessage.Role.USER, request(n), List.of()));
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, "Added task " + n + " \"" + title + "\".",
                    List.of(new ToolCall(Toolbox.ADD_TASK, Map.of("title", title),
                            Map.of("task_id", (long) n, "status", "created", "title", title)))));
        }
        return messages;
    }

    /** The rolling summary after {@code added} tasks were added, as the agents keep it (capped, newest last). */
    static String summaryAfter(int added) {
        List<TaskFact> facts = new ArrayList<>();
        for (int n = 1; n <= added; n++) {
            facts.add(new TaskFact(TaskFact.Kind.ADDED, n, AddThenConfirm.title(request(n))));
        }
        return RollingSummary.parse("").plus(facts).text();
    }
}
