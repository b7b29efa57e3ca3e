package com.todoapi.agent.builtin;

import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.Toolbox;
import com.todoapi.agent.builtin.InMemoryToolbox.Call;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in agent against natural messages (natural-language-regression.txt): each case sets
 * up a small task list, sends one message in a fresh conversation and is right when the
 * task-changing tool calls are exactly the expected ones (reads may list, and change nothing)
 * and the reply holds every expected phrase. Prints the score and the misses; fails below
 * {@link #REQUIRED_SCORE}, so the set measures the agent rather than being tuned to all pass.
 * Time words are read against a fixed clock ({@code clock:} lines set it and the person's zone
 * for the cases after them), so their dates are checked exactly.
 */
class NaturalLanguageRegressionTest {
    private static final double REQUIRED_SCORE = 0.90;
    private static final String CASES = "/com/todoapi/agent/builtin/natural-language-regression.txt";

    /** Until a {@code clock:} line says otherwise: Saturday 5 December 2026, 10:30 UTC, no zone set. */
    private static final Clock DEFAULT_CLOCK = new Clock(Instant.parse("2026-12-05T10:30:00Z"), Optional.empty());

    /** The turn's time and the person's zone (empty: none set, read in UTC). */
    record Clock(Instant now, Optional<ZoneId> zone) {
        LocalDateTime local() {
            return LocalDateTime.ofInstant(now, zone.orElse(ZoneOffset.UTC));
        }
    }

    /** One message: the tasks first, what it says, the changes it must make, what the reply must hold. */
    record Case(int line, List<String> setup, String message, List<String> changes, List<String> replyHolds, Clock clock) {
    }

    @Test
    void scoresAtLeastTheRequiredShareOfNaturalMessages() throws IOException {
        List<Case> cases = cases();
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            String miss = run(c);
            if (miss != null) {
                misses.add("line " + c.line() + " \"" + c.message() + "\": " + miss);
            }
        }
        int right = cases.size() - misses.size();
        double score = (double) right / cases.size();
        System.out.printf(Locale.ROOT, "natural-language regression: %d/%d right (%.1f%%)%n", right, cases.size(),
                100 * score);
        misses.forEach(miss -> System.out.println("  miss " + miss));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(score).as("share of natural messages right; misses:\n" + String.join("\n", misses))
                .isGreaterThanOrEqualTo(REQUIRED_SCORE);
    }

    private static String run(Case c) {
        InMemoryToolbox tools = new InMemoryToolbox().at(c.clock().local());
        for (String task : c.setup()) {
            boolean done = task.startsWith("[x] ");
            String text = done ? task.substring(4) : task;
            // "Dentist @2026-12-07 !high #health #family": a due date, a priority and labels.
            String[] fields = text.split("\\s+(?=[@!#]\\S)");
            text = fields[0];
            String[] titleAndDescription = text.split("\\s*::\\s*", 2);
            if (titleAndDescription.length == 2) {
                tools.withTask(titleAndDescription[0], titleAndDescription[1]);
                if (done) {
                    tools.completeLast();
                }
            } else if (done) {
                tools.withCompletedTask(text);
            } else {
                tools.withTask(text);
            }
            if (fields.length > 1) {
                String due = null;
                String priority = "none";
                List<String> labels = new ArrayList<>();
                for (String field : List.of(fields).subList(1, fields.length)) {
                    switch (field.charAt(0)) {
                        case '@' -> due = field.substring(1);
                        case '!' -> priority = field.substring(1);
                        default -> labels.add(field.substring(1));
                    }
                }
                tools.dueLast(due, priority, labels.toArray(String[]::new));
            }
        }
        AgentReply reply;
        try {
            AgentTurn turn = new AgentTurn("", "", List.of(), c.message(), Optional.empty(), c.clock().zone());
            reply = new BuiltInAgent(java.time.Clock.fixed(c.clock().now(), ZoneOffset.UTC)).respond(turn, tools);
        } catch (RuntimeException e) {
            return "threw " + e;
        }
        List<String> changes = tools.calls().stream().filter(call -> !call.tool().equals(Toolbox.LIST_TASKS))
                .map(NaturalLanguageRegressionTest::written).toList();
        if (!changes.equals(c.changes())) {
            return "changes " + changes + ", expected " + c.changes() + "; reply: " + reply.content().replace("\n", " / ");
        }
        String content = reply.content().toLowerCase(Locale.ROOT);
        for (String phrase : c.replyHolds()) {
            if (!content.contains(phrase.toLowerCase(Locale.ROOT))) {
                return "reply lacks \"" + phrase + "\": " + reply.content().replace("\n", " / ");
            }
        }
        return null;
    }

    /** {@code add "Buy milk"}, {@code complete 3}, {@code update 1 title="Call mom"}. */
    private static String written(Call call) {
        Map<String, Object> args = call.args();
        String verb = call.tool().replace("_task", "");
        String id = args.containsKey("task_id") ? " " + args.get("task_id") : "";
        String rest = args.entrySet().stream().filter(e -> !e.getKey().equals("task_id"))
                .map(e -> call.tool().equals(Toolbox.ADD_TASK) && e.getKey().equals("title") ? "\"" + e.getValue() + "\""
                        : e.getValue() instanceof List<?> list ? e.getKey() + "=" + String.join(",", list.stream().map(String::valueOf).toList())
                        : e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(" "));
        return (verb + id + (rest.isEmpty() ? "" : " " + rest));
    }

    /**
     * Blocks of lines: {@code tasks: A | [x] B | C :: its description} (optional, else none),
     * {@code say: ...}, {@code do: add "X"; complete 2} or {@code do: nothing}, {@code reply: a && b} (optional);
     * {@code clock: 2026-03-07T22:30 America/New_York} (local time and zone; {@code UTC-unset} for no zone) for
     * the cases after it, and {@code @2026-12-07 !high #work} after a task's title for its due date, priority, labels.
     */
    private static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = NaturalLanguageRegressionTest.class.getResourceAsStream(CASES)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        List<String> setup = List.of();
        String message = null;
        int line = 0;
        int messageLine = 0;
        List<String> changes = null;
        Clock clock = DEFAULT_CLOCK;
        for (String raw : text.split("\\R", -1)) {
            line++;
            String entry = raw.strip();
            if (entry.startsWith("#") || entry.isEmpty()) {
                continue;
            }
            String value = entry.substring(entry.indexOf(':') + 1).strip();
            if (entry.startsWith("clock:")) {
                String[] timeAndZone = value.split("\\s+");
                Optional<ZoneId> zone = timeAndZone[1].equals("UTC-unset") ? Optional.empty() : Optional.of(ZoneId.of(timeAndZone[1]));
                clock = new Clock(LocalDateTime.parse(timeAndZone[0]).atZone(zone.orElse(ZoneOffset.UTC)).toInstant(), zone);
                continue;
            } else if (entry.startsWith("tasks:")) {
                setup = value.isEmpty() ? List.of() : List.of(value.split("\\s*\\|\\s*"));
            } else if (entry.startsWith("say:")) {
                message = value;
                messageLine = line;
            } else if (entry.startsWith("do:")) {
                changes = value.equals("nothing") ? List.of() : List.of(value.split("\\s*;\\s+"));
            } else if (entry.startsWith("reply:")) {
                cases.set(cases.size() - 1, new Case(messageLine, setup, message, changes, List.of(value.split("\\s*&&\\s*")),
                        clock));
                continue;
            } else {
                throw new IllegalStateException("line " + line + " of the cases is not clock:, tasks:, say:, do: or reply:");
            }
            if (entry.startsWith("do:")) {
                cases.add(new Case(messageLine, setup, message, changes, List.of(), clock));
            }
        }
        return cases;
    }
}
