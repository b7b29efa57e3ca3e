package com.todoapi.agent.builtin;

import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.builtin.InMemoryToolbox.Call;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.todoapi.agent.Toolbox.ADD_TASK;
import static com.todoapi.agent.Toolbox.LIST_TASKS;
import static com.todoapi.agent.Toolbox.UPDATE_TASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in agent's time words, each with its exact tool calls and reply, at a fixed clock:
 * Saturday 5 December 2026, 10:30 in Madrid (09:30 UTC).
 */
class BuiltInAgentTimeTest {
    private static final Instant NOW = Instant.parse("2026-12-05T09:30:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private final BuiltInAgent agent = new BuiltInAgent(Clock.fixed(NOW, ZoneOffset.UTC));

    private InMemoryToolbox tasks() {
        return new InMemoryToolbox().at(LocalDateTime.ofInstant(NOW, MADRID))
                .withTask("Dentist").dueLast("2026-12-07", "none", "health")
                .withTask("Write the report")
                .withTask("Buy milk").dueLast(null, "none", "Groceries")
                .withTask("Call the bank").dueLast("2026-12-05T16:00", "none");
    }

    @Test
    void remindMeTomorrowAt5pmAddsTheTaskDueThenWithAReminder() {
        InMemoryToolbox tools = tasks();
        AgentReply reply = inMadrid(tools, "remind me tomorrow at 5pm to call John");

        assertThat(tools.calls()).containsExactly(call(ADD_TASK, "title", "Call John", "due", "2026-12-06T17:00",
                "remind_at", "2026-12-06T17:00"));
        assertThat(reply.content()).isEqualTo(
                "Added \"Call John\" as task 5, due tomorrow (Sunday, December 6) at 5 PM. I'll remind you then.");
        assertThat(reply.summary()).isEqualTo("added task 5 \"Call John\"");
    }

    @Test
    void inSpanishTheReplyIsSpanish() {
        InMemoryToolbox tools = tasks();
        AgentReply reply = inMadrid(tools, "recuérdame mañana a las 5 de la tarde llamar a Juan");

        assertThat(tools.calls()).containsExactly(call(ADD_TASK, "title", "Llamar a Juan", "due", "2026-12-06T17:00",
                "remind_at", "2026-12-06T17:00"));
        assertThat(reply.content()).isEqualTo(
                "He añadido \"Llamar a Juan\" como tarea 5, para mañana (domingo 6 de diciembre) a las 17:00. Te lo recordaré a esa hora.");
    }

    @Test
    void aRepeatingTaskIsDueOnItsFirstOccurrence() {
        InMemoryToolbox tools = tasks();
        AgentReply reply = inMadrid(tools, "pay rent every month on the 1st");

        assertThat(tools.calls()).containsExactly(call(ADD_TASK, "title", "Pay rent", "due", "2027-01-01",
                "recurrence", "FREQ=MONTHLY;BYMONTHDAY=1"));
        assertThat(reply.content()).isEqualTo(
                "Added \"Pay rent\" as task 5, repeating every month on day 1; first due Friday, January 1, 2027.");
    }

    @Test
    void dueTodayAndOverdueAreTheListsFilters() {
        InMemoryToolbox tools = tasks();
        AgentReply today = inMadrid(tools, "what's due today?");

        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "due_today", true));
        assertThat(today.content()).isEqualTo("You have 1 task due today:\n[ ] 4. Call the bank (due today at 4 PM)");

        tools.forgetCalls();
        AgentReply overdue = inMadrid(tools, "what's overdue?");
        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "overdue", true));
        assertThat(overdue.content()).isEqualTo("Nothing is overdue.");
    }

    @Test
    void labelsPrioritiesAndWordsAreTheListsFiltersToo() {
        InMemoryToolbox tools = tasks();
        inMadrid(tools, "show my work tasks");
        inMadrid(tools, "find anything about taxes");
        inMadrid(tools, "show my high priority tasks");

        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "label", "work"), call(LIST_TASKS, "query", "taxes"),
                call(LIST_TASKS, "priority", "high"));
    }

    @Test
    void movingATaskFindsItByNameAndSetsItsDueDate() {
        InMemoryToolbox tools = tasks();
        AgentReply reply = inMadrid(tools, "move the dentist to friday");

        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "status", "all"),
                call(UPDATE_TASK, "task_id", 1L, "due", "2026-12-11"));
        assertThat(reply.content()).isEqualTo("Moved task 1 \"Dentist\" to Friday, December 11.");
        assertThat(reply.summary()).isEqualTo("updated task 1 \"Dentist\"");
    }

    @Test
    void priorityAndLabelsAreUpdatesThatKeepTheLabelsItHas() {
        InMemoryToolbox tools = tasks();
        AgentReply priority = inMadrid(tools, "make the report high priority");
        assertThat(priority.content()).isEqualTo("Set task 2 \"Write the report\" to high priority.");

        tools.forgetCalls();
        AgentReply labels = inMadrid(tools, "tag milk as groceries and dairy");
        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "status", "all"),
                call(UPDATE_TASK, "task_id", 3L, "labels", List.of("Groceries", "dairy")));
        assertThat(labels.content()).isEqualTo("Tagged task 3 \"Buy milk\"; its labels are now \"Groceries\" and \"dairy\".");
    }

    @Test
    void aTimeItCannotReadStaysInTheTitleAndNeedsNoZone() {
        InMemoryToolbox tools = tasks();
        AgentReply reply = agent.respond(new AgentTurn("", List.of(), "remind me first thing to call John"), tools);

        assertThat(tools.calls()).containsExactly(call(ADD_TASK, "title", "Call John first thing"));
        assertThat(reply.content()).doesNotContain("UTC");
    }

    @Test
    void withoutAZoneItReadsUtcAndSaysSoOncePerConversation() {
        InMemoryToolbox tools = tasks();
        List<ChatMessage> history = new ArrayList<>();
        String summary = "";
        List<String> replies = new ArrayList<>();
        for (String message : List.of("remind me tomorrow at 5pm to call John", "what's due today?", "add milk",
                "move the dentist to friday")) {
            AgentReply reply = agent.respond(new AgentTurn("", summary, List.copyOf(history), message, Optional.empty()), tools);
            replies.add(reply.content());
            history.add(new ChatMessage(ChatMessage.Role.USER, message, List.of()));
            history.add(new ChatMessage(ChatMessage.Role.ASSISTANT, reply.content(), List.of()));
            summary = reply.summary();
            // Once the note has left the window, the summary still remembers it was said.
            history.clear();
        }

        assertThat(tools.calls().get(0)).isEqualTo(call(ADD_TASK, "title", "Call John", "due", "2026-12-06T17:00",
                "remind_at", "2026-12-06T17:00"));
        assertThat(replies.get(0)).endsWith("(I'm reading dates and times in UTC because you haven't set a time zone; "
                + "set yours with PATCH /v1/me {\"time_zone\": \"Europe/Madrid\"}, using your zone's IANA name.)");
        assertThat(replies.subList(1, 4)).noneMatch(reply -> reply.contains("UTC"));
        assertThat(summary).endsWith(ZoneNote.SUMMARY_LINE).contains("updated task 1 \"Dentist\"");
    }

    @Test
    void withAZoneTheNoteIsNeverSaid() {
        AgentReply reply = inMadrid(tasks(), "what's overdue?");

        assertThat(reply.content()).doesNotContain("UTC");
        assertThat(reply.summary()).isEmpty();
    }

    @Test
    void theZoneDecidesWhatTomorrowIs() {
        // 23:30 UTC on the 5th is already the 6th in Tokyo.
        BuiltInAgent late = new BuiltInAgent(Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC));
        InMemoryToolbox tools = new InMemoryToolbox();
        late.respond(new AgentTurn("", "", List.of(), "remind me tomorrow at 5pm to call John", Optional.empty(),
                Optional.of(ZoneId.of("Asia/Tokyo"))), tools);
        late.respond(new AgentTurn("", "", List.of(), "remind me tomorrow at 5pm to call John", Optional.empty(),
                Optional.empty()), tools);

        assertThat(tools.calls()).extracting(c -> c.args().get("due")).containsExactly("2026-12-07T17:00", "2026-12-06T17:00");
    }

    private AgentReply inMadrid(InMemoryToolbox tools, String message) {
        return agent.respond(new AgentTurn("", List.of(), message).inZone(MADRID), tools);
    }

    private static Call call(String tool, Object... keysAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Call(tool, args);
    }
}
