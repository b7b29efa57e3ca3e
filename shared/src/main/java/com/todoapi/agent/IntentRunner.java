package com.todoapi.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Carries out the intents of one message through the tools, in order, and collects what to say
 * and what to remember. "It" means the task of the previous action in the same message, or, at
 * the start of a message, the task earlier turns acted on last. One instance per turn.
 */
final class IntentRunner {
    private final Toolbox tools;
    private final ConversationMemory memory;
    private final TaskMatcher matcher = new TaskMatcher();
    private final List<String> sentences = new ArrayList<>();
    private final List<TaskFact> facts = new ArrayList<>();

    private boolean actedEarlierInMessage;
    /** The task of the previous action in this message; empty when that action failed. */
    private OptionalLong taskOfPreviousAction = OptionalLong.empty();
    private TaskFact addedInThisMessage;

    IntentRunner(Toolbox tools, ConversationMemory memory) {
        this.tools = tools;
        this.memory = memory;
    }

    /** The reply: one sentence (or list) per intent. */
    String run(List<Intent> intents) {
        boolean understoodSomething = intents.stream().anyMatch(intent -> !(intent instanceof Intent.NotUnderstood));
        for (Intent intent : intents) {
            switch (intent) {
                case Intent.AddTask add -> addTask(add);
                case Intent.ListTasks list -> listTasks(list.status());
                case Intent.CompleteTask complete -> changeTask(TaskChange.COMPLETE, complete.task(), Map.of());
                case Intent.DeleteTask delete -> changeTask(TaskChange.DELETE, delete.task(), Map.of());
                case Intent.UpdateTask update -> changeTask(TaskChange.UPDATE, update.task(), update.changes());
                case Intent.RecallLastAdded recall -> sentences.add(recallLastAdded());
                case Intent.SmallTalk talk -> sentences.add(Replies.smallTalk(talk.kind()));
                case Intent.Help help -> sentences.add(Replies.help());
                case Intent.AskForTitle ask -> sentences.add(Replies.askForTitle());
                case Intent.NotUnderstood unknown -> sentences.add(understoodSomething
                        ? Replies.notUnderstoodPart(unknown.text()) : Replies.notUnderstood());
            }
        }
        return String.join("\n", sentences);
    }

    /** What this turn did to tasks, oldest first. */
    List<TaskFact> facts() {
        return List.copyOf(facts);
    }

    private void addTask(Intent.AddTask add) {
        ToolOutcome outcome = tools.call(Toolbox.ADD_TASK, add.args());
        if (!outcome.succeeded()) {
            failed(Replies.toolError(outcome.error()));
            return;
        }
        String title = ToolResults.title(outcome.result()).orElse(add.title());
        OptionalLong id = ToolResults.taskId(outcome.result());
        if (id.isEmpty()) {
            sentences.add(Replies.addedWithoutNumber(title));
            actedEarlierInMessage = true;
            taskOfPreviousAction = OptionalLong.empty();
            return;
        }
        addedInThisMessage = new TaskFact(TaskFact.Kind.ADDED, id.getAsLong(), title);
        succeeded(addedInThisMessage, Replies.added(id.getAsLong(), title));
    }

    private void listTasks(Intent.ListTasks.Status status) {
        ToolOutcome outcome = tools.call(Toolbox.LIST_TASKS, Map.of("status", status.wireName()));
        sentences.add(outcome.succeeded()
                ? Replies.taskList(status, ToolResults.tasks(outcome.result()))
                : Replies.toolError(outcome.error()));
    }

    private void changeTask(TaskChange change, TaskRef task, Map<String, Object> changes) {
        OptionalLong taskId = resolve(task, change);
        if (taskId.isEmpty()) {
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("task_id", taskId.getAsLong());
        args.putAll(changes);
        ToolOutcome outcome = tools.call(change.tool(), args);
        if (!outcome.succeeded()) {
            failed(Replies.toolError(outcome.error()));
            return;
        }
        long id = ToolResults.taskId(outcome.result()).orElse(taskId.getAsLong());
        String title = ToolResults.title(outcome.result())
                .orElseGet(() -> changes.get("title") instanceof String newTitle ? newTitle : "");
        succeeded(new TaskFact(change.fact(), id, title), confirmation(change, id, title, changes));
    }

    private static String confirmation(TaskChange change, long id, String title, Map<String, Object> changes) {
        return switch (change) {
            case COMPLETE -> Replies.completed(id, title);
            case DELETE -> Replies.deleted(id, title);
            case UPDATE -> changes.containsKey("title") ? Replies.updatedTitle(id, title)
                    : Replies.updatedDescription(id, title);
        };
    }

    /** The task's number, or empty once the person has been told why there is none. */
    private OptionalLong resolve(TaskRef task, TaskChange change) {
        return switch (task) {
            case TaskRef.ById byId -> OptionalLong.of(byId.id());
            case TaskRef.Previous previous -> previousTask();
            case TaskRef.ByName byName -> findByName(byName.words(), change);
        };
    }

    private OptionalLong previousTask() {
        if (actedEarlierInMessage) {
            // When the previous action failed, the person has already been told why; "it" has no task.
            return taskOfPreviousAction;
        }
        OptionalLong remembered = memory.lastTaskActedOn();
        if (remembered.isEmpty()) {
            failed(Replies.notSureWhichTask());
        }
        return remembered;
    }

    private OptionalLong findByName(String words, TaskChange change) {
        ToolOutcome outcome = tools.call(Toolbox.LIST_TASKS, Map.of("status", "all"));
        if (!outcome.succeeded()) {
            failed(Replies.toolError(outcome.error()));
            return OptionalLong.empty();
        }
        List<TaskView> matches = matcher.matching(ToolResults.tasks(outcome.result()), words);
        if (matches.size() == 1) {
            return OptionalLong.of(matches.get(0).id());
        }
        failed(matches.isEmpty() ? Replies.noMatch(words)
                : Replies.severalMatch(words, matches, change.example(matches.get(0).id())));
        return OptionalLong.empty();
    }

    private String recallLastAdded() {
        if (addedInThisMessage != null) {
            return Replies.justAdded(addedInThisMessage);
        }
        Optional<TaskFact> inHistory = memory.lastAddedInHistory();
        if (inHistory.isPresent()) {
            return Replies.justAdded(inHistory.get());
        }
        return memory.lastAddedInSummary().map(Replies::rememberAdded).orElseGet(Replies::nothingAddedYet);
    }

    private void succeeded(TaskFact fact, String sentence) {
        sentences.add(sentence);
        facts.add(fact);
        actedEarlierInMessage = true;
        taskOfPreviousAction = OptionalLong.of(fact.taskId());
    }

    private void failed(String explanation) {
        sentences.add(explanation);
        actedEarlierInMessage = true;
        taskOfPreviousAction = OptionalLong.empty();
    }
}
