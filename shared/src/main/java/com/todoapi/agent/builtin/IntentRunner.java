package com.todoapi.agent.builtin;

import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.Toolbox;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final TaskMatcher matcher;
    private final Replies replies;
    private final Lexicon lexicon;
    private final List<String> sentences = new ArrayList<>();
    private final List<TaskFact> facts = new ArrayList<>();

    private boolean actedEarlierInMessage;
    /** The task of the previous action in this message; empty when that action failed. */
    private OptionalLong taskOfPreviousAction = OptionalLong.empty();
    private TaskFact addedInThisMessage;
    /** The whole list as listed earlier in this turn, until a change makes it stale. */
    private List<TaskView> listedThisTurn;

    IntentRunner(Toolbox tools, ConversationMemory memory, Lexicon lexicon, LocalDate today) {
        this.tools = tools;
        this.memory = memory;
        this.lexicon = lexicon;
        this.matcher = new TaskMatcher(lexicon);
        this.replies = new Replies(lexicon, today);
    }

    /** The reply: one sentence (or list) per intent. */
    String run(List<Intent> intents) {
        boolean understoodSomething = intents.stream().anyMatch(intent -> !(intent instanceof Intent.NotUnderstood));
        for (Intent intent : intents) {
            run(intent, understoodSomething);
        }
        return String.join("\n", sentences);
    }

    private void run(Intent intent, boolean understoodSomething) {
        switch (intent) {
            case Intent.AddTask add -> addTask(add);
            case Intent.ListTasks list -> listTasks(list.status());
            case Intent.CompleteTask complete -> changeTask(TaskChange.COMPLETE, complete.task(), Map.of());
            case Intent.DeleteTask delete -> changeTask(TaskChange.DELETE, delete.task(), Map.of());
            case Intent.UpdateTask update -> changeTask(TaskChange.UPDATE, update.task(), update.changes());
            case Intent.Reschedule reschedule -> changeTask(TaskChange.UPDATE, reschedule.task(),
                    Map.of("due", reschedule.due().wire()));
            case Intent.SetPriority priority -> changeTask(TaskChange.UPDATE, priority.task(),
                    Map.of("priority", priority.priority()));
            case Intent.AddLabels labels -> addLabels(labels.task(), labels.labels());
            case Intent.ListFiltered filtered -> listFiltered(filtered);
            case Intent.BulkChange bulk -> bulkChange(bulk.change(), bulk.scope());
            case Intent.ShowTask show -> showTask(show.task());
            case Intent.CountTasks count -> countTasks(count.status());
            case Intent.FindTask find -> findTask(find.words());
            case Intent.RecallLastAdded recall -> sentences.add(recallLastAdded());
            case Intent.RecallAddedEarlier recall -> sentences.add(recallAddedEarlier());
            case Intent.CannotReopen reopen -> sentences.add(replies.cannotReopen());
            case Intent.TooLong tooLong -> failed(replies.tooLong(tooLong.field(), tooLong.length(), tooLong.max()));
            case Intent.Several several -> several.intents().forEach(part -> run(part, understoodSomething));
            case Intent.SmallTalk talk -> sentences.add(replies.smallTalk(talk.kind()));
            case Intent.Help help -> sentences.add(replies.help());
            case Intent.AskForTitle ask -> sentences.add(replies.askForTitle());
            case Intent.NotUnderstood unknown -> sentences.add(understoodSomething
                    ? replies.notUnderstoodPart(unknown.text()) : replies.notUnderstood());
        }
    }

    /** What this turn did to tasks, oldest first. */
    List<TaskFact> facts() {
        return List.copyOf(facts);
    }

    private void addTask(Intent.AddTask add) {
        ToolOutcome outcome = tools.call(Toolbox.ADD_TASK, add.args());
        listedThisTurn = null;
        if (!outcome.succeeded()) {
            failed(replies.toolError(outcome.error()));
            return;
        }
        String title = ToolResults.title(outcome.result()).orElse(add.title());
        OptionalLong id = ToolResults.taskId(outcome.result());
        if (id.isEmpty()) {
            sentences.add(replies.addedWithoutNumber(title));
            actedEarlierInMessage = true;
            taskOfPreviousAction = OptionalLong.empty();
            return;
        }
        addedInThisMessage = new TaskFact(TaskFact.Kind.ADDED, id.getAsLong(), title);
        succeeded(addedInThisMessage, add.schedule().map(schedule -> replies.addedDue(id.getAsLong(), title, schedule,
                add.remindsAt())).orElseGet(() -> replies.added(id.getAsLong(), title)));
    }

    private void listTasks(Intent.ListTasks.Status status) {
        Optional<List<TaskView>> tasks = list(status);
        tasks.ifPresent(listed -> sentences.add(replies.taskList(status, listed)));
    }

    private void listFiltered(Intent.ListFiltered filtered) {
        ToolOutcome outcome = tools.call(Toolbox.LIST_TASKS, filtered.filter().args(filtered.value()));
        if (!outcome.succeeded()) {
            failed(replies.toolError(outcome.error()));
            return;
        }
        sentences.add(replies.filtered(filtered.filter(), filtered.value(), ToolResults.tasks(outcome.result())));
    }

    /** Labels join those the task has (compared without case, as the tools do), in one update. */
    private void addLabels(TaskRef task, List<String> labels) {
        for (long taskId : resolve(task, TaskChange.UPDATE)) {
            Optional<List<TaskView>> all = list(Intent.ListTasks.Status.ALL);
            if (all.isEmpty()) {
                return;
            }
            List<String> merged = new ArrayList<>(all.get().stream().filter(view -> view.id() == taskId).findFirst()
                    .map(TaskView::labels).orElse(List.of()));
            for (String label : labels) {
                if (merged.stream().noneMatch(existing -> existing.equalsIgnoreCase(label))) {
                    merged.add(label);
                }
            }
            changeOne(TaskChange.UPDATE, taskId, Map.of("labels", List.copyOf(merged)));
        }
    }

    private void countTasks(Intent.ListTasks.Status status) {
        list(status).ifPresent(listed -> sentences.add(replies.count(status, listed)));
    }

    private void findTask(String words) {
        list(Intent.ListTasks.Status.ALL).ifPresent(all -> sentences.add(replies.found(words, matcher.matching(all, words))));
    }

    private void showTask(TaskRef task) {
        if (task instanceof TaskRef.Previous) {
            OptionalLong previous = previousTask();
            if (previous.isEmpty()) {
                return;
            }
            task = new TaskRef.ById(previous.getAsLong());
        }
        Optional<List<TaskView>> all = list(Intent.ListTasks.Status.ALL);
        if (all.isEmpty()) {
            return;
        }
        List<TaskView> tasks = all.get();
        Optional<TaskView> shown = switch (task) {
            case TaskRef.ById byId -> tasks.stream().filter(t -> t.id() == byId.id()).findFirst()
                    .or(() -> {
                        sentences.add(replies.toolError("Task " + byId.id() + " not found"));
                        return Optional.empty();
                    });
            case TaskRef.ByPosition place -> atPosition(tasks, place.position());
            case TaskRef.ByName name -> {
                List<TaskView> matches = matcher.matching(tasks, name.words());
                if (matches.size() == 1) {
                    yield Optional.of(matches.get(0));
                }
                sentences.add(matches.isEmpty() ? replies.noMatch(name.words())
                        : replies.severalMatch(name.words(), matches, "what's task " + matches.get(0).id() + " about"));
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
        shown.ifPresent(view -> {
            sentences.add(replies.taskDetail(view));
            taskOfPreviousAction = OptionalLong.of(view.id());
        });
    }

    private void bulkChange(TaskChange change, Intent.ListTasks.Status scope) {
        Optional<List<TaskView>> listed = list(scope);
        if (listed.isEmpty()) {
            return;
        }
        List<TaskView> changed = new ArrayList<>();
        int failed = 0;
        for (TaskView task : listed.get()) {
            ToolOutcome outcome = tools.call(change.tool(), Map.of("task_id", task.id()));
            if (outcome.succeeded()) {
                String title = ToolResults.title(outcome.result()).orElse(task.title());
                changed.add(new TaskView(task.id(), title, change == TaskChange.COMPLETE, ""));
                facts.add(new TaskFact(change.fact(), task.id(), title));
            } else {
                failed++;
            }
        }
        listedThisTurn = null;
        actedEarlierInMessage = true;
        taskOfPreviousAction = OptionalLong.empty();
        sentences.add(replies.bulkDone(change, scope, changed, failed));
    }

    private void changeTask(TaskChange change, TaskRef task, Map<String, Object> changes) {
        for (long taskId : resolve(task, change)) {
            changeOne(change, taskId, changes);
        }
    }

    private void changeOne(TaskChange change, long taskId, Map<String, Object> changes) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("task_id", taskId);
        args.putAll(changes);
        ToolOutcome outcome = tools.call(change.tool(), args);
        listedThisTurn = null;
        if (!outcome.succeeded()) {
            failed(replies.toolError(outcome.error()));
            return;
        }
        long id = ToolResults.taskId(outcome.result()).orElse(taskId);
        String title = ToolResults.title(outcome.result())
                .orElseGet(() -> changes.get("title") instanceof String newTitle ? newTitle : "");
        succeeded(new TaskFact(change.fact(), id, title), confirmation(change, id, title, changes));
    }

    private String confirmation(TaskChange change, long id, String title, Map<String, Object> changes) {
        return switch (change) {
            case COMPLETE -> replies.completed(id, title);
            case DELETE -> replies.deleted(id, title);
            case UPDATE -> {
                if (changes.get("due") instanceof String due) {
                    yield replies.rescheduled(id, title, due);
                }
                if (changes.get("priority") instanceof String priority) {
                    yield replies.prioritized(id, title, priority);
                }
                if (changes.get("labels") instanceof List<?> labels) {
                    yield replies.labeled(id, title, labels.stream().map(String::valueOf).toList());
                }
                yield changes.containsKey("title") ? replies.updatedTitle(id, title) : replies.updatedDescription(id, title);
            }
        };
    }

    /** The tasks' numbers, or none once the person has been told why there are none. */
    private List<Long> resolve(TaskRef task, TaskChange change) {
        return switch (task) {
            case TaskRef.ById byId -> List.of(byId.id());
            case TaskRef.Previous previous -> ids(previousTask());
            case TaskRef.ByName byName -> findByName(byName.words(), change);
            case TaskRef.ByPosition place -> list(Intent.ListTasks.Status.ALL)
                    .flatMap(all -> atPosition(all, place.position())).map(view -> List.of(view.id())).orElse(List.of());
            case TaskRef.Several several -> resolveSeveral(several, change);
        };
    }

    /** Places are read on the list as it was before any of them changed: "delete the first and second". */
    private List<Long> resolveSeveral(TaskRef.Several several, TaskChange change) {
        List<Long> ids = new ArrayList<>();
        for (TaskRef part : several.tasks()) {
            ids.addAll(resolve(part, change));
        }
        return ids.stream().distinct().toList();
    }

    private static List<Long> ids(OptionalLong id) {
        return id.isPresent() ? List.of(id.getAsLong()) : List.of();
    }

    private Optional<TaskView> atPosition(List<TaskView> tasks, int position) {
        List<TaskView> ordered = tasks.stream().sorted(Comparator.comparingLong(TaskView::id)).toList();
        int index = position > 0 ? position - 1 : ordered.size() + position;
        if (index < 0 || index >= ordered.size()) {
            sentences.add(ordered.isEmpty() ? replies.taskList(Intent.ListTasks.Status.ALL, ordered)
                    : replies.noMatch(positionWords(position)));
            actedEarlierInMessage = true;
            taskOfPreviousAction = OptionalLong.empty();
            return Optional.empty();
        }
        return Optional.of(ordered.get(index));
    }

    private static String positionWords(int position) {
        return position > 0 ? "position " + position : "position " + position + " from the end";
    }

    private OptionalLong previousTask() {
        if (actedEarlierInMessage) {
            // When the previous action failed, the person has already been told why; "it" has no task.
            return taskOfPreviousAction;
        }
        OptionalLong remembered = memory.lastTaskActedOn();
        if (remembered.isEmpty()) {
            failed(replies.notSureWhichTask());
        }
        return remembered;
    }

    private List<Long> findByName(String words, TaskChange change) {
        Optional<List<TaskView>> all = list(Intent.ListTasks.Status.ALL);
        if (all.isEmpty()) {
            return List.of();
        }
        List<TaskView> matches = preferred(matcher.matching(all.get(), words), change);
        if (matches.size() == 1) {
            return List.of(matches.get(0).id());
        }
        if (matches.isEmpty()) {
            // "delete milk and eggs": no task is called that, but one may be called "milk" and one "eggs".
            String[] parts = lexicon.listSeparator().split(words);
            if (parts.length >= 2) {
                List<Long> ids = new ArrayList<>();
                for (String part : parts) {
                    List<TaskView> partMatches = preferred(matcher.matching(all.get(), part.strip()), change);
                    if (partMatches.size() != 1) {
                        ids = null;
                        break;
                    }
                    ids.add(partMatches.get(0).id());
                }
                if (ids != null) {
                    return ids.stream().distinct().toList();
                }
            }
        }
        failed(matches.isEmpty() ? replies.noMatch(words)
                : replies.severalMatch(words, matches, change.example(matches.get(0).id())));
        return List.of();
    }

    /** Completing a task that is already done is no one's meaning: of two matches, the pending one. */
    private static List<TaskView> preferred(List<TaskView> matches, TaskChange change) {
        if (change != TaskChange.COMPLETE || matches.size() < 2) {
            return matches;
        }
        List<TaskView> pending = matches.stream().filter(task -> !task.completed()).toList();
        return pending.size() == 1 ? pending : matches;
    }

    /** The tasks with this status, from this turn's listing when nothing has changed since. */
    private Optional<List<TaskView>> list(Intent.ListTasks.Status status) {
        if (listedThisTurn != null) {
            return Optional.of(listedThisTurn.stream().filter(task -> switch (status) {
                case ALL -> true;
                case PENDING -> !task.completed();
                case COMPLETED -> task.completed();
            }).toList());
        }
        ToolOutcome outcome = tools.call(Toolbox.LIST_TASKS, Map.of("status", status.wireName()));
        if (!outcome.succeeded()) {
            failed(replies.toolError(outcome.error()));
            return Optional.empty();
        }
        List<TaskView> tasks = ToolResults.tasks(outcome.result());
        if (status == Intent.ListTasks.Status.ALL) {
            listedThisTurn = tasks;
        }
        return Optional.of(tasks);
    }

    private String recallLastAdded() {
        if (addedInThisMessage != null) {
            return replies.justAdded(addedInThisMessage);
        }
        Optional<TaskFact> inHistory = memory.lastAddedInHistory();
        if (inHistory.isPresent()) {
            return replies.justAdded(inHistory.get());
        }
        return memory.lastAddedInSummary().map(replies::rememberAdded).orElseGet(replies::nothingAddedYet);
    }

    private String recallAddedEarlier() {
        List<TaskFact> added = new ArrayList<>(memory.addedEarlier());
        facts.stream().filter(fact -> fact.kind() == TaskFact.Kind.ADDED).forEach(added::add);
        return added.isEmpty() ? replies.nothingAddedYet() : replies.addedEarlier(added);
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
