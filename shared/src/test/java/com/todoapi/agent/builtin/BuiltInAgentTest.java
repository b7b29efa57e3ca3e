package com.todoapi.agent.builtin;

import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.builtin.InMemoryToolbox.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static com.todoapi.agent.Toolbox.ADD_TASK;
import static com.todoapi.agent.Toolbox.COMPLETE_TASK;
import static com.todoapi.agent.Toolbox.DELETE_TASK;
import static com.todoapi.agent.Toolbox.LIST_TASKS;
import static com.todoapi.agent.Toolbox.UPDATE_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BuiltInAgentTest {

    /** Tasks 1 to 7; a new task is number 8. */
    private static InMemoryToolbox sevenTasks() {
        return new InMemoryToolbox()
                .withTask("Call mum")
                .withTask("Old task")
                .withTask("Call mom")
                .withTask("Pay rent")
                .withTask("Team meeting")
                .withTask("Buy groceries")
                .withCompletedTask("Read a book");
    }

    static Stream<Arguments> theAgentTable() {
        return Stream.of(
                // The documented phrasings (docs/assistant.md).
                arguments("Add a task to buy groceries", "Added \"Buy groceries\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Buy groceries"))),
                arguments("I need to remember to pay bills", "Added \"Pay bills\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Pay bills"))),
                arguments("Show me all my tasks", "You have 7 tasks:\n[ ] 1. Call mum",
                        List.of(call(LIST_TASKS, "status", "all"))),
                arguments("What's pending?", "You have 6 pending tasks:",
                        List.of(call(LIST_TASKS, "status", "pending"))),
                arguments("What have I completed?", "You have completed 1 task:\n[x] 7. Read a book",
                        List.of(call(LIST_TASKS, "status", "completed"))),
                arguments("Mark task 3 as complete", "Marked task 3 \"Call mom\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 3L))),
                arguments("Delete the meeting task", "Deleted task 5 \"Team meeting\".",
                        List.of(call(LIST_TASKS, "status", "all"), call(DELETE_TASK, "task_id", 5L))),
                arguments("Change task 1 to 'Call mom tonight'", "Updated task 1: \"Call mom tonight\".",
                        List.of(call(UPDATE_TASK, "task_id", 1L, "title", "Call mom tonight"))),
                // Adding, said other ways.
                arguments("add buy milk", "Added \"Buy milk\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Buy milk"))),
                arguments("create a task called Call the bank", "Added \"Call the bank\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Call the bank"))),
                arguments("new task: water the plants", "Added \"Water the plants\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Water the plants"))),
                arguments("remind me to call mom", "Added \"Call mom\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Call mom"))),
                arguments("please add 'Book flights' to my list", "Added \"Book flights\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Book flights"))),
                arguments("Could you add a task to buy groceries, please!", "Added \"Buy groceries\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Buy groceries"))),
                arguments("ADD A TASK TO BUY GROCERIES.", "Added \"BUY GROCERIES\" as task 8.",
                        List.of(call(ADD_TASK, "title", "BUY GROCERIES"))),
                arguments("add call bank with description ask about fees", "Added \"Call bank\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Call bank", "description", "ask about fees"))),
                // Listing.
                arguments("list my tasks", "You have 7 tasks:",
                        List.of(call(LIST_TASKS, "status", "all"))),
                arguments("what are my tasks?", "[ ] 5. Team meeting",
                        List.of(call(LIST_TASKS, "status", "all"))),
                arguments("what do I still have to do?", "You have 6 pending tasks:",
                        List.of(call(LIST_TASKS, "status", "pending"))),
                arguments("show completed tasks", "[x] 7. Read a book",
                        List.of(call(LIST_TASKS, "status", "completed"))),
                arguments("what have I done?", "[x] 7. Read a book",
                        List.of(call(LIST_TASKS, "status", "completed"))),
                // Completing.
                arguments("complete task 2", "Marked task 2 \"Old task\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 2L))),
                arguments("I finished task 4", "Marked task 4 \"Pay rent\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 4L))),
                arguments("task 5 is done", "Marked task 5 \"Team meeting\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 5L))),
                arguments("mark 3 as done", "Marked task 3 \"Call mom\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 3L))),
                arguments("check off task 3", "Marked task 3 \"Call mom\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 3L))),
                arguments("complete task number 3", "Marked task 3 \"Call mom\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 3L))),
                arguments("Please MARK TASK 3 AS COMPLETE!", "Marked task 3 \"Call mom\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 3L))),
                arguments("mark the groceries task as done", "Marked task 6 \"Buy groceries\" as complete.",
                        List.of(call(LIST_TASKS, "status", "all"), call(COMPLETE_TASK, "task_id", 6L))),
                // Deleting.
                arguments("delete task 2", "Deleted task 2 \"Old task\".",
                        List.of(call(DELETE_TASK, "task_id", 2L))),
                arguments("remove task 7", "Deleted task 7 \"Read a book\".",
                        List.of(call(DELETE_TASK, "task_id", 7L))),
                arguments("delete task #4", "Deleted task 4 \"Pay rent\".",
                        List.of(call(DELETE_TASK, "task_id", 4L))),
                // Updating.
                arguments("rename task 1 to Call mom tonight", "Updated task 1: \"Call mom tonight\".",
                        List.of(call(UPDATE_TASK, "task_id", 1L, "title", "Call mom tonight"))),
                arguments("update task 2 title to \"Pay rent\"", "Updated task 2: \"Pay rent\".",
                        List.of(call(UPDATE_TASK, "task_id", 2L, "title", "Pay rent"))),
                arguments("change the description of task 1 to bring receipts",
                        "Updated the description of task 1 \"Call mum\".",
                        List.of(call(UPDATE_TASK, "task_id", 1L, "description", "bring receipts"))));
    }

    /** Each phrasing of docs/assistant.md with a variant or two, on the seven tasks (pending 1-6, 7 done). */
    static Stream<Arguments> howPeopleWrite() {
        return Stream.of(
                // Lists of things to add, and the titles that only contain "and".
                arguments("add milk, eggs and bread", "Added \"Bread\" as task 10.",
                        List.of(call(ADD_TASK, "title", "Milk"), call(ADD_TASK, "title", "Eggs"), call(ADD_TASK, "title", "Bread"))),
                arguments("I need to buy milk and call the plumber", "Added \"Call the plumber\" as task 9.",
                        List.of(call(ADD_TASK, "title", "Buy milk"), call(ADD_TASK, "title", "Call the plumber"))),
                arguments("add finish report and update slides", "Added \"Update slides\" as task 9.",
                        List.of(call(ADD_TASK, "title", "Finish report"), call(ADD_TASK, "title", "Update slides"))),
                arguments("add rock and roll lessons", "Added \"Rock and roll lessons\" as task 8.",
                        List.of(call(ADD_TASK, "title", "Rock and roll lessons"))),
                // Several ids.
                arguments("delete tasks 1 and 2", "Deleted task 2 \"Old task\".",
                        List.of(call(DELETE_TASK, "task_id", 1L), call(DELETE_TASK, "task_id", 2L))),
                arguments("complete 1, 2 and 4", "Marked task 4 \"Pay rent\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 1L), call(COMPLETE_TASK, "task_id", 2L), call(COMPLETE_TASK, "task_id", 4L))),
                arguments("mark #3 and #5 done", "Marked task 5 \"Team meeting\" as complete.",
                        List.of(call(COMPLETE_TASK, "task_id", 3L), call(COMPLETE_TASK, "task_id", 5L))),
                // Numbers in words and places.
                arguments("mark task two as done", "Marked task 2 \"Old task\" as complete.", List.of(call(COMPLETE_TASK, "task_id", 2L))),
                arguments("delete the second one", "Deleted task 2 \"Old task\".",
                        List.of(call(LIST_TASKS, "status", "all"), call(DELETE_TASK, "task_id", 2L))),
                arguments("delete the last task", "Deleted task 7 \"Read a book\".",
                        List.of(call(LIST_TASKS, "status", "all"), call(DELETE_TASK, "task_id", 7L))),
                arguments("complete the oldest task", "Marked task 1 \"Call mum\" as complete.",
                        List.of(call(LIST_TASKS, "status", "all"), call(COMPLETE_TASK, "task_id", 1L))),
                arguments("what's my first task?", "Task 1 \"Call mum\" is pending.", List.of(call(LIST_TASKS, "status", "all"))),
                // Many at once.
                arguments("can you remove everything that's done?", "Deleted 1 task: \"Read a book\".",
                        List.of(call(LIST_TASKS, "status", "completed"), call(DELETE_TASK, "task_id", 7L))),
                arguments("mark all as done", "Marked 6 tasks as complete: \"Call mum\", \"Old task\"",
                        Stream.concat(Stream.of(call(LIST_TASKS, "status", "pending")),
                                Stream.of(1L, 2L, 3L, 4L, 5L, 6L).map(id -> call(COMPLETE_TASK, "task_id", id))).toList()),
                arguments("clear my list", "Deleted 7 tasks:",
                        Stream.concat(Stream.of(call(LIST_TASKS, "status", "all")),
                                Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L).map(id -> call(DELETE_TASK, "task_id", id))).toList()),
                // Prefixes and polite forms.
                arguments("Need to: pay rent", "Added \"Pay rent\" as task 8.", List.of(call(ADD_TASK, "title", "Pay rent"))),
                arguments("task: renew car insurance", "Added \"Renew car insurance\"", List.of(call(ADD_TASK, "title", "Renew car insurance"))),
                arguments("todo - renew car insurance", "Added \"Renew car insurance\"", List.of(call(ADD_TASK, "title", "Renew car insurance"))),
                arguments("don't forget: take out the trash", "Added \"Take out the trash\"", List.of(call(ADD_TASK, "title", "Take out the trash"))),
                arguments("note to self: call the bank", "Added \"Call the bank\"", List.of(call(ADD_TASK, "title", "Call the bank"))),
                arguments("reminder - book the hotel", "Added \"Book the hotel\"", List.of(call(ADD_TASK, "title", "Book the hotel"))),
                arguments("hey can u add get gas", "Added \"Get gas\"", List.of(call(ADD_TASK, "title", "Get gas"))),
                arguments("gotta fix the bike", "Added \"Fix the bike\"", List.of(call(ADD_TASK, "title", "Fix the bike"))),
                // Typos and word forms.
                arguments("ad a task to by milk", "Added \"By milk\"", List.of(call(ADD_TASK, "title", "By milk"))),
                arguments("delte task 3", "Deleted task 3 \"Call mom\".", List.of(call(DELETE_TASK, "task_id", 3L))),
                arguments("finished paying rent", "Marked task 4 \"Pay rent\" as complete.",
                        List.of(call(LIST_TASKS, "status", "all"), call(COMPLETE_TASK, "task_id", 4L))),
                arguments("I called mom", "Marked task 3 \"Call mom\" as complete.",
                        List.of(call(LIST_TASKS, "status", "all"), call(COMPLETE_TASK, "task_id", 3L))),
                arguments("done with the grocereis", "Marked task 6 \"Buy groceries\" as complete.",
                        List.of(call(LIST_TASKS, "status", "all"), call(COMPLETE_TASK, "task_id", 6L))),
                arguments("finished the call one", "More than one task matches", List.of(call(LIST_TASKS, "status", "all"))),
                // Questions.
                arguments("how many are left?", "You have 6 pending tasks left.", List.of(call(LIST_TASKS, "status", "pending"))),
                arguments("is pay rent on my list?", "Yes, \"Pay rent\" is on your list as task 4 (pending).",
                        List.of(call(LIST_TASKS, "status", "all"))),
                arguments("is the dentist on my list?", "No, I don't see \"dentist\" on your list.",
                        List.of(call(LIST_TASKS, "status", "all"))),
                arguments("what's on my plate?", "[ ] 4. Pay rent", List.of(call(LIST_TASKS, "status", "all"))),
                arguments("mark task 7 as not done", "can't mark a task as not done", List.of()),
                arguments("thank you so much, that's all", "talk to you later", List.of()),
                // Time words it cannot read stay in the title (those it can: BuiltInAgentTimeTest).
                arguments("Remind me first thing to call John", "Added \"Call John first thing\"",
                        List.of(call(ADD_TASK, "title", "Call John first thing"))),
                arguments("remind me to call John someday", "Added \"Call John someday\"", List.of(call(ADD_TASK, "title", "Call John someday"))),
                // Spanish.
                arguments("añade comprar leche", "He añadido \"Comprar leche\" como tarea 8.", List.of(call(ADD_TASK, "title", "Comprar leche"))),
                arguments("muestra mis tareas", "Tienes 7 tareas:", List.of(call(LIST_TASKS, "status", "all"))),
                arguments("completa la tarea 3", "He marcado la tarea 3 \"Call mom\" como completada.", List.of(call(COMPLETE_TASK, "task_id", 3L))),
                arguments("borra la tarea dos", "He borrado la tarea 2 \"Old task\".", List.of(call(DELETE_TASK, "task_id", 2L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("howPeopleWrite")
    void understandsHowPeopleWrite(String message, String expectedReply, List<Call> expectedCalls) {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, message);

        assertThat(tools.calls()).containsExactlyElementsOf(expectedCalls);
        assertThat(reply.content()).contains(expectedReply);
    }

    @Test
    void aTasksDescriptionIsShownWhenAskedAbout() {
        InMemoryToolbox tools = new InMemoryToolbox().withTask("Call bank", "ask about the fees");

        AgentReply reply = respond(tools, "what's task 1 about?");

        assertThat(reply.content()).isEqualTo("Task 1 \"Call bank\" is pending. Description: ask about the fees");
    }

    @Test
    void whatDidIAddEarlierListsEveryAddTheConversationRemembers() {
        Chat chat = new Chat(new InMemoryToolbox());
        chat.summary = "added task 40 \"Pay rent\"";
        chat.say("add buy milk");
        chat.say("add call mom");

        AgentReply reply = chat.say("what did I add earlier?");

        assertThat(chat.tools.calls()).isEmpty();
        assertThat(reply.content()).contains("Pay rent").contains("Buy milk").contains("Call mom");
    }

    @Test
    void theLanguageFilesAreReadOnceAndEveryReplyHasEnglishText() {
        Languages languages = Languages.load();

        assertThat(languages.read("borra la tarea 2").text()).isEqualTo("delete task 2");
        assertThat(languages.read("delete task 2").lexicon().code()).isEqualTo("en");
        assertThat(languages.read("delete task 2").lexicon().hasReply("title_too_long")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("theAgentTable")
    void doesWhatTheTableSays(String message, String expectedReply, List<Call> expectedCalls) {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, message);

        assertThat(tools.calls()).containsExactlyElementsOf(expectedCalls);
        assertThat(reply.content()).contains(expectedReply);
    }

    @Test
    void taskIdsAreLongs() {
        InMemoryToolbox tools = sevenTasks();

        respond(tools, "delete task 2");

        assertThat(tools.calls().get(0).args().get("task_id")).isInstanceOf(Long.class);
    }

    @Test
    void twoActionsInOneMessageShareTheTask() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "Add buy milk and mark it as done");

        assertThat(tools.calls()).containsExactly(
                call(ADD_TASK, "title", "Buy milk"),
                call(COMPLETE_TASK, "task_id", 8L));
        assertThat(reply.content()).isEqualTo("Added \"Buy milk\" as task 8.\nMarked task 8 \"Buy milk\" as complete.");
    }

    @Test
    void thenStartsASecondAction() {
        InMemoryToolbox tools = new InMemoryToolbox();

        AgentReply reply = respond(tools, "add milk, then show my tasks");

        assertThat(tools.calls()).containsExactly(call(ADD_TASK, "title", "Milk"), call(LIST_TASKS, "status", "all"));
        assertThat(reply.content()).contains("Added \"Milk\" as task 1.").contains("[ ] 1. Milk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"add salt and pepper", "add buy milk, eggs and bread", "add \"finish report and update slides\""})
    void andWithoutASecondRequestStaysInTheTitle(String message) {
        InMemoryToolbox tools = new InMemoryToolbox();

        respond(tools, message);

        String words = message.substring(4).replace("\"", "");
        String expectedTitle = words.substring(0, 1).toUpperCase() + words.substring(1);
        assertThat(tools.calls()).containsExactly(call(ADD_TASK, "title", expectedTitle));
    }

    @Test
    void aPartNotUnderstoodIsSaidAfterTheRest() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "delete task 3 and check the weather");

        assertThat(tools.calls()).containsExactly(call(DELETE_TASK, "task_id", 3L));
        assertThat(reply.content()).isEqualTo("Deleted task 3 \"Call mom\".\nSorry, I didn't understand \"check the weather\".");
    }

    @Test
    void aMissingTaskIsExplained() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "complete task 9");

        assertThat(tools.calls()).containsExactly(call(COMPLETE_TASK, "task_id", 9L));
        assertThat(reply.content()).isEqualTo("I couldn't find task 9.");
    }

    @Test
    void itAfterAFailedActionIsNotGuessed() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "complete task 9 and delete it");

        assertThat(tools.calls()).containsExactly(call(COMPLETE_TASK, "task_id", 9L));
        assertThat(reply.content()).isEqualTo("I couldn't find task 9.");
    }

    @Test
    void otherToolErrorsAreRepeated() {
        InMemoryToolbox tools = sevenTasks().failingNextCallWith("title must be at most 200 characters");

        AgentReply reply = respond(tools, "add buy milk");

        assertThat(reply.content()).isEqualTo("I couldn't do that: title must be at most 200 characters.");
        assertThat(reply.summary()).isEmpty();
    }

    @Test
    void byNameWithNoMatchTakesNoAction() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "Delete the dentist task");

        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "status", "all"));
        assertThat(reply.content()).isEqualTo("I couldn't find a task matching \"dentist\".");
    }

    @Test
    void byNameWithOneMatchActsOnIt() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "remove the task called old task");

        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "status", "all"), call(DELETE_TASK, "task_id", 2L));
        assertThat(reply.content()).isEqualTo("Deleted task 2 \"Old task\".");
    }

    @Test
    void byNameWithSeveralMatchesAsksWhichOne() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "Delete the call task");

        assertThat(tools.calls()).containsExactly(call(LIST_TASKS, "status", "all"));
        assertThat(reply.content())
                .contains("More than one task matches \"call\"")
                .contains("[ ] 1. Call mum")
                .contains("[ ] 3. Call mom")
                .contains("Which one do you mean?")
                .doesNotContain("Deleted");
    }

    @Test
    void whatDidIJustAddIsAnsweredFromTheHistory() {
        Chat chat = new Chat(sevenTasks());
        chat.say("add buy milk");
        chat.say("add pay the water bill");
        chat.say("show my tasks");

        AgentReply reply = chat.say("What did I just add?");

        assertThat(chat.tools.calls()).isEmpty();
        assertThat(reply.content()).isEqualTo("You just added \"Pay the water bill\" (task 9).");
    }

    @Test
    void whatDidIJustAddFallsBackToTheSummary() {
        InMemoryToolbox tools = sevenTasks();
        List<ChatMessage> windowWithoutAdds = List.of(
                new ChatMessage(ChatMessage.Role.USER, "show my tasks", List.of()),
                new ChatMessage(ChatMessage.Role.ASSISTANT, "You have 7 tasks: ...",
                        List.of(new ToolCall(LIST_TASKS, Map.of("status", "all"), List.of()))));
        String summary = "added task 4 \"Pay rent\"\ncompleted task 3 \"Call mom\"";

        AgentReply reply = new BuiltInAgent().respond(new AgentTurn(summary, windowWithoutAdds, "what did I just add"), tools);

        assertThat(tools.calls()).isEmpty();
        assertThat(reply.content()).contains("\"Pay rent\"").contains("task 4");
        assertThat(reply.summary()).isEqualTo(summary);
    }

    @Test
    void whatDidIJustAddWithNothingAdded() {
        InMemoryToolbox tools = new InMemoryToolbox();

        AgentReply reply = respond(tools, "What did I just add?");

        assertThat(tools.calls()).isEmpty();
        assertThat(reply.content()).isEqualTo("I don't see anything you've added yet.");
    }

    @Test
    void failedAddsInTheHistoryAreNotRecalled() {
        List<ChatMessage> history = List.of(
                new ChatMessage(ChatMessage.Role.ASSISTANT, "Added \"Buy milk\" as task 1.",
                        List.of(new ToolCall(ADD_TASK, Map.of("title", "Buy milk"),
                                Map.of("task_id", 1, "status", "created", "title", "Buy milk")))),
                new ChatMessage(ChatMessage.Role.ASSISTANT, "I couldn't do that.",
                        List.of(new ToolCall(ADD_TASK, Map.of("title", "Bad"), Map.of("error", "nope")))));

        AgentReply reply = new BuiltInAgent().respond(new AgentTurn("", history, "what did i just add?"),
                new InMemoryToolbox());

        assertThat(reply.content()).isEqualTo("You just added \"Buy milk\" (task 1).");
    }

    @Test
    void itAtTheStartOfAMessageIsTheTaskOfTheLastTurn() {
        Chat chat = new Chat(sevenTasks());
        chat.say("add buy milk");

        AgentReply reply = chat.say("mark it as done");

        assertThat(chat.tools.calls()).containsExactly(call(COMPLETE_TASK, "task_id", 8L));
        assertThat(reply.content()).isEqualTo("Marked task 8 \"Buy milk\" as complete.");
    }

    @Test
    void itWithNothingBeforeAsksForANumber() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, "delete it");

        assertThat(tools.calls()).isEmpty();
        assertThat(reply.content()).contains("not sure which task");
    }

    @Test
    void theSummaryKeepsOlderLinesAndAddsThisTurnsFacts() {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = new BuiltInAgent().respond(
                new AgentTurn("added task 4 \"Pay rent\"", List.of(), "add buy milk and mark it as done"), tools);

        assertThat(reply.summary()).isEqualTo(
                "added task 4 \"Pay rent\"\nadded task 8 \"Buy milk\"\ncompleted task 8 \"Buy milk\"");
    }

    @Test
    void theSummaryStaysBoundedAfter500Turns() {
        Chat chat = new Chat(new InMemoryToolbox());
        chat.window = 10;

        for (int turn = 1; turn <= 500; turn++) {
            AgentReply reply = chat.say("add water plant " + turn);
            assertThat(reply.summary().length()).isLessThanOrEqualTo(AgentReply.MAX_SUMMARY_CHARS);
        }

        assertThat(chat.summary).endsWith("added task 500 \"Water plant 500\"")
                .doesNotContain("added task 1 \"")
                .hasSizeGreaterThan(AgentReply.MAX_SUMMARY_CHARS - 100);
        assertThat(chat.summary.lines()).allMatch(line -> line.startsWith("added task "));
        assertThat(chat.say("what did I just add?").content()).contains("Water plant 500");
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 300, 1_200})
    void aTitleOverTheLimitIsRefusedWithTheLimitNamed(int length) {
        InMemoryToolbox tools = new InMemoryToolbox();

        AgentReply reply = respond(tools, "add " + "a".repeat(length));

        assertThat(tools.calls()).isEmpty();
        assertThat(reply.content()).contains(length + " characters").contains("at most 200 characters");
    }

    @Test
    void aTitleOfExactly200CharactersIsAdded() {
        InMemoryToolbox tools = new InMemoryToolbox();

        respond(tools, "add " + "a".repeat(200));

        assertThat((String) tools.calls().get(0).args().get("title")).hasSize(200).startsWith("Aaa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "Hello!", "thanks", "Thank you!", "bye"})
    void smallTalkGetsAShortFriendlyAnswer(String message) {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, message);

        assertThat(tools.calls()).isEmpty();
        assertThat(reply.content()).isNotBlank().hasSizeLessThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "what can you do?"})
    void helpSaysWhatItCanDo(String message) {
        AgentReply reply = respond(sevenTasks(), message);

        assertThat(reply.content()).contains("add").contains("list").contains("complete").contains("delete")
                .contains("rename");
    }

    static Stream<String> garbage() {
        Random random = new Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABC 0123456789 .,;:!?'\"#()[]{}-_/\\ \u00e9\u00fc\u4e2d\ud83d\ude00";
        StringBuilder noise = new StringBuilder();
        while (noise.length() < 4_000) {
            noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return Stream.of("", "   ", "\n\t", "?", "!!!???...", "asdfghjkl", "qwerty uiop zxcv", "12345", "\ud83d\ude00\ud83d\ude00",
                "task 3", "delete", "mark", "delete task 99999999999999999999", "please", "what's the weather like?", "'", "\"\"",
                "x".repeat(4_000), "add ".repeat(1_000), "mark it as done and ".repeat(200),
                noise.substring(0, 4_000));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageNeverThrowsAndCallsNoTool(String message) {
        InMemoryToolbox tools = sevenTasks();

        AgentReply reply = respond(tools, message);

        assertThat(tools.calls()).isEmpty();
        assertThat(reply.content()).isNotBlank().hasSizeLessThan(400);
        assertThat(reply.summary()).isEmpty();
    }

    @Test
    void aMissingMessageIsNotUnderstoodEither() {
        AgentReply reply = new BuiltInAgent().respond(new AgentTurn(null, List.of(), null), new InMemoryToolbox());

        assertThat(reply.content()).startsWith("Sorry, I didn't understand that.");
    }

    private static AgentReply respond(InMemoryToolbox tools, String message) {
        return new BuiltInAgent().respond(new AgentTurn("", List.of(), message), tools);
    }

    private static Call call(String tool, Object... keysAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Call(tool, args);
    }

    /** A conversation as the worker keeps it: a window of recent messages and the rolling summary. */
    private static final class Chat {
        final InMemoryToolbox tools;
        final BuiltInAgent agent = new BuiltInAgent();
        final List<ChatMessage> history = new ArrayList<>();
        String summary = "";
        int window = 20;

        Chat(InMemoryToolbox tools) {
            this.tools = tools;
        }

        AgentReply say(String message) {
            tools.forgetCalls();
            List<ChatMessage> recent = history.subList(Math.max(0, history.size() - window), history.size());
            AgentReply reply = agent.respond(new AgentTurn(summary, recent, message), tools);
            history.add(new ChatMessage(ChatMessage.Role.USER, message, List.of()));
            history.add(new ChatMessage(ChatMessage.Role.ASSISTANT, reply.content(), tools.recordedCalls()));
            summary = reply.summary();
            return reply;
        }
    }
}
