package com.todoapi.chat;

import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.ItemNumbers;
import com.todoapi.idempotency.IdempotencyKeys;
import com.todoapi.idempotency.Once;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;
import com.todoapi.json.Timestamps;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.PlanChanges;
import com.todoapi.tasks.Planning;
import com.todoapi.tasks.Priority;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskChanges;
import com.todoapi.tasks.TaskOrder;
import com.todoapi.tasks.TaskQuery;
import com.todoapi.tasks.TaskService;
import com.todoapi.tasks.VersionMatch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The five todo tools for one user, on the same {@link TaskService} as the task routes, for the
 * chat agent and the MCP endpoint alike. For a chat reply ({@link #forTurn}) each changing call is
 * keyed by the reply and its place in the turn, so a job delivered twice, or run again after a
 * crash, repeats no effect: the second run gets the first results. An MCP request
 * ({@link #forRequest}) is one call with no key, as a REST request without an Idempotency-Key.
 * Every call is recorded, in order, for the reply's {@code tool_calls}, and counted by tool and outcome.
 */
public final class TodoTools implements Toolbox {
    static final String SCOPE = "chat.tools";
    private static final int LIST_LIMIT = 100;

    private final TaskService tasks;
    private final String userId;
    private final Optional<String> turnKey;
    private final List<ToolCall> calls = new ArrayList<>();
    private final Metrics metrics;
    private final Supplier<ZoneId> zone;

    private TodoTools(TaskService tasks, String userId, Optional<String> turnKey, Metrics metrics,
                      Supplier<ZoneId> zone) {
        this.zone = memoized(zone);
        this.tasks = tasks;
        this.userId = userId;
        this.turnKey = turnKey;
        this.metrics = metrics;
    }

    /** The tools of one chat reply; {@code turnKey} names the turn (conversation and reply) the calls belong to. */
    public static TodoTools forTurn(TaskService tasks, String userId, String turnKey, Metrics metrics) {
        return forTurn(tasks, userId, turnKey, metrics, () -> ZoneOffset.UTC);
    }

    /** As above, with the person's time zone, read (once) only when a call needs it. */
    public static TodoTools forTurn(TaskService tasks, String userId, String turnKey, Metrics metrics,
                                    Supplier<ZoneId> zone) {
        return new TodoTools(tasks, userId, Optional.of(turnKey), metrics, zone);
    }

    /** The tools of one MCP request: calls are not keyed, so each one is done. */
    public static TodoTools forRequest(TaskService tasks, String userId, Metrics metrics) {
        return forRequest(tasks, userId, metrics, () -> ZoneOffset.UTC);
    }

    /** As above, with the person's time zone, read (once) only when a call needs it. */
    public static TodoTools forRequest(TaskService tasks, String userId, Metrics metrics, Supplier<ZoneId> zone) {
        return new TodoTools(tasks, userId, Optional.empty(), metrics, zone);
    }

    private static Supplier<ZoneId> memoized(Supplier<ZoneId> source) {
        ZoneId[] known = new ZoneId[1];
        return () -> {
            if (known[0] == null) {
                known[0] = source.get();
            }
            return known[0];
        };
    }

    @Override
    public List<ToolSpec> specs() {
        return ToolSpecs.all();
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        return call(tool, args, Integer.toString(calls.size()));
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args, String position) {
        ToolOutcome outcome;
        try {
            outcome = run(tool, args, position);
        } catch (RuntimeException failure) {
            count(tool, "failed");
            throw failure;
        }
        count(tool, outcome.succeeded() ? "ok" : "error");
        return outcome;
    }

    /** Tool names come from the agent (a model may invent one): any other than the five counts as "unknown". */
    private void count(String tool, String outcome) {
        String known = ToolSpecs.all().stream().anyMatch(spec -> spec.name().equals(tool)) ? tool : "unknown";
        metrics.add(Metric.TOOL_CALLS, 1, Map.of(Metric.Dimension.TOOL, known, Metric.Dimension.OUTCOME, outcome));
    }

    private ToolOutcome run(String tool, Map<String, Object> args, String position) {
        Optional<Once> once = turnKey.map(turn ->
                new Once(SCOPE, turn + ":" + position, IdempotencyKeys.digest(tool, canonical(args))));
        ToolOutcome outcome;
        try {
            refuseUnknownArguments(tool, args);
            outcome = ToolOutcome.ok(switch (tool) {
                case ADD_TASK -> added(tasks.createOnce(userId, new NewTask(text(args, "title", true),
                        Optional.ofNullable(text(args, "description", false)).orElse(""),
                        planChanges(args).planning()), once).value());
                case LIST_TASKS -> listed(args);
                case COMPLETE_TASK -> changed(tasks.update(userId, taskId(args), TaskChanges.completing(zone()),
                        VersionMatch.ANY, once), "completed");
                case DELETE_TASK -> changed(tasks.delete(userId, taskId(args), VersionMatch.ANY, once),
                        "deleted");
                case UPDATE_TASK -> changed(tasks.update(userId, taskId(args), new TaskChanges(
                        Optional.ofNullable(text(args, "title", false)),
                        Optional.ofNullable(text(args, "description", false)), Optional.empty(),
                        planChanges(args), zone()), VersionMatch.ANY, once), "updated");
                default -> throw DomainException.invalid("tool", "no tool is called " + tool);
            });
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND && e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            outcome = ToolOutcome.error(explain(e));
        }
        calls.add(new ToolCall(tool, args, outcome.recorded()));
        return outcome;
    }

    /** The calls made so far, in order. */
    public List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    /** The tools' schemas allow no other arguments; an unknown one is a mistake the caller should hear of. */
    private static void refuseUnknownArguments(String tool, Map<String, Object> args) {
        Set<String> known = switch (tool) {
            case ADD_TASK -> Set.of("title", "description", "due", "priority", "labels", "recurrence", "remind_at");
            case LIST_TASKS -> Set.of("status", "overdue", "due_today", "label", "priority", "query");
            case COMPLETE_TASK, DELETE_TASK -> Set.of("task_id");
            case UPDATE_TASK -> Set.of("task_id", "title", "description", "due", "priority", "labels", "recurrence",
                    "remind_at");
            default -> throw DomainException.invalid("tool", "no tool is called " + tool);
        };
        for (String name : new TreeMap<>(args).keySet()) {
            if (!known.contains(name)) {
                throw DomainException.invalid(name, "is not an argument of " + tool);
            }
        }
    }

    private List<Map<String, Object>> listed(Map<String, Object> args) {
        boolean dueToday = bool(args, "due_today").orElse(false);
        Optional<Boolean> overdue = bool(args, "overdue");
        ZoneId zone = overdue.isPresent() || dueToday ? zone() : ZoneOffset.UTC;
        TaskQuery query = new TaskQuery(StatusFilter.parse(text(args, "status", false)), overdue, dueToday,
                Optional.empty(), Optional.empty(), Optional.ofNullable(text(args, "label", false)),
                Optional.ofNullable(text(args, "priority", false)).map(p -> Priority.parse("priority", p)),
                Optional.ofNullable(text(args, "query", false)), TaskOrder.CREATED, zone, Instant.now());
        return tasks.search(userId, query, LIST_LIMIT, Optional.empty()).items().stream()
                .map(task -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", task.id());
                    item.put("title", task.title());
                    item.put("completed", task.completed());
                    // So an agent can answer "what's task 3 about?"; left out when there is none, to keep lists small.
                    if (!task.description().isEmpty()) {
                        item.put("description", task.description());
                    }
                    planned(item, task);
                    return item;
                })
                .toList();
    }

    /** The planning fields that are set (a list stays small): due and due_at, priority, labels, recurrence, reminder. */
    private static void planned(Map<String, Object> item, Task task) {
        Planning p = task.planning();
        p.due().ifPresent(due -> {
            item.put("due", due.given());
            due.at().ifPresent(at -> item.put("due_at", Timestamps.format(at)));
        });
        if (p.priority() != Priority.NONE) {
            item.put("priority", p.priority().wireName());
        }
        if (!p.labels().isEmpty()) {
            item.put("labels", p.labels());
        }
        p.recurrence().ifPresent(rule -> item.put("recurrence", rule.text()));
        p.remind().ifPresent(remind -> item.put("remind_at", remind.given()));
    }

    /** The planning arguments of add_task and update_task: a null one clears it (an update's). */
    private PlanChanges planChanges(Map<String, Object> args) {
        Optional<Optional<String>> due = nullableText(args, "due");
        Optional<Optional<String>> recurrence = nullableText(args, "recurrence");
        Optional<Optional<String>> remind = nullableText(args, "remind_at");
        Optional<String> priority = args.containsKey("priority")
                ? Optional.of(Optional.ofNullable(text(args, "priority", false)).orElse("none")) : Optional.empty();
        Optional<List<String>> labels = labels(args);
        boolean floats = due.flatMap(d -> d).isPresent() || remind.flatMap(r -> r).isPresent();
        return PlanChanges.parse(due, priority, labels, recurrence, remind, floats ? zone() : ZoneOffset.UTC);
    }

    private ZoneId zone() {
        return zone.get();
    }

    private static Optional<Optional<String>> nullableText(Map<String, Object> args, String name) {
        if (!args.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(text(args, name, false)));
    }

    private static Optional<List<String>> labels(Map<String, Object> args) {
        if (!args.containsKey("labels")) {
            return Optional.empty();
        }
        Object value = args.get("labels");
        if (value == null) {
            return Optional.of(List.of());
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw DomainException.invalid("labels", "must be an array of strings");
        }
        return Optional.of(list.stream().map(String.class::cast).toList());
    }

    private static Optional<Boolean> bool(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw DomainException.invalid(name, "must be true or false");
        }
        return Optional.of(flag);
    }

    private static Map<String, Object> added(Task task) {
        return changed(task, "created");
    }

    private static Map<String, Object> changed(Task task, String status) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", task.id());
        result.put("status", status);
        result.put("title", task.title());
        // A recurring task completed stays pending at its next occurrence: the model must see that.
        if ("completed".equals(status) && !task.completed()) {
            result.put("completed", false);
        }
        planned(result, task);
        return result;
    }

    private static String text(Map<String, Object> args, String name, boolean required) {
        Object value = args.get(name);
        if (value == null) {
            if (required) {
                throw DomainException.invalid(name, "is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw DomainException.invalid(name, "must be a string");
        }
        return text;
    }

    private static long taskId(Map<String, Object> args) {
        Object value = args.get("task_id");
        if (value instanceof Number number) {
            return ItemNumbers.of("task_id", number);
        }
        return ItemNumbers.parse("task_id", value instanceof String text ? text : null);
    }

    private static String explain(DomainException e) {
        if (e.problems().isEmpty()) {
            return e.getMessage();
        }
        return e.problems().stream().map(p -> p.field() + " " + p.problem()).collect(Collectors.joining("; "));
    }

    /** The arguments in a fixed order, so that the same call always hashes the same. */
    private static String canonical(Map<String, Object> args) {
        return new TreeMap<>(args).toString();
    }
}
