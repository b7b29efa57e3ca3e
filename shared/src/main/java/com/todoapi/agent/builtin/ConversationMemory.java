package com.todoapi.agent.builtin;

import com.todoapi.agent.memory.RollingSummary;
import com.todoapi.agent.memory.TaskFact;

import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.Toolbox;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What earlier turns did, from the window's tool calls first and the rolling summary after. */
final class ConversationMemory {
    private final List<ToolCall> callsNewestFirst;
    private final RollingSummary summary;

    ConversationMemory(List<ChatMessage> history, RollingSummary summary) {
        this.callsNewestFirst = history.reversed().stream()
                .flatMap(message -> message.toolCalls().reversed().stream())
                .filter(call -> !call.failed())
                .toList();
        this.summary = summary;
    }

    /** The task the newest successful add_task in the window created. */
    Optional<TaskFact> lastAddedInHistory() {
        return callsNewestFirst.stream()
                .filter(call -> Toolbox.ADD_TASK.equals(call.tool()))
                .flatMap(call -> addedTask(call).stream())
                .findFirst();
    }

    /** Every task the conversation added that it still remembers (summary and window), by number. */
    List<TaskFact> addedEarlier() {
        java.util.Map<Long, TaskFact> added = new java.util.TreeMap<>();
        summary.added().forEach(fact -> added.put(fact.taskId(), fact));
        callsNewestFirst.reversed().stream()
                .filter(call -> Toolbox.ADD_TASK.equals(call.tool()))
                .flatMap(call -> addedTask(call).stream())
                .forEach(fact -> added.put(fact.taskId(), fact));
        return List.copyOf(added.values());
    }

    Optional<TaskFact> lastAddedInSummary() {
        return summary.lastAdded();
    }

    /** The task earlier turns acted on last: what "it" means at the start of a message. */
    OptionalLong lastTaskActedOn() {
        for (ToolCall call : callsNewestFirst) {
            OptionalLong id = ToolResults.taskId(call.result());
            if (actsOnOneTask(call.tool()) && id.isPresent()) {
                return id;
            }
        }
        return summary.lastFact().map(fact -> OptionalLong.of(fact.taskId())).orElse(OptionalLong.empty());
    }

    private static Optional<TaskFact> addedTask(ToolCall call) {
        OptionalLong id = ToolResults.taskId(call.result());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String title = ToolResults.title(call.result())
                .orElseGet(() -> call.args().get("title") instanceof String asked ? asked : "");
        return Optional.of(new TaskFact(TaskFact.Kind.ADDED, id.getAsLong(), title));
    }

    private static boolean actsOnOneTask(String tool) {
        return switch (tool) {
            case Toolbox.ADD_TASK, Toolbox.COMPLETE_TASK, Toolbox.DELETE_TASK, Toolbox.UPDATE_TASK -> true;
            default -> false;
        };
    }
}
