package com.todoapi.agent.builtin;

import com.todoapi.agent.Agent;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.Toolbox;
import com.todoapi.agent.builtin.when.WhenParser;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The assistant that needs no network and no model: it reads the message with fixed rules
 * (docs/assistant.md), in English or a language its files describe, calls the todo tools, and confirms each action in a
 * sentence that names the task. Unknown input gets a short help sentence; nothing here throws
 * for any message. The rolling summary keeps one line per task it added, completed, deleted or
 * updated, so "what did I just add?" and "it" still work once the messages leave the window.
 * Time words are read at the clock's time in the turn's zone (UTC when the person set none, which
 * the reply says once per conversation).
 */
public final class BuiltInAgent implements Agent {
    private final Languages languages = Languages.load();
    private final Clock clock;

    public BuiltInAgent() {
        this(Clock.systemUTC());
    }

    public BuiltInAgent(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AgentReply respond(AgentTurn turn, Toolbox tools) {
        ZoneId zone = turn.zone().orElse(ZoneOffset.UTC);
        ZonedDateTime now = clock.instant().atZone(zone);
        Languages.Reading reading = languages.read(Utterances.normalize(turn.userMessage()));
        List<Intent> intents = new IntentParser(reading.lexicon(), new WhenParser(now)).parse(reading.text());
        RollingSummary summary = RollingSummary.parse(turn.summary());
        IntentRunner runner = new IntentRunner(tools, new ConversationMemory(turn.history(), summary), reading.lexicon(),
                now.toLocalDate());
        String content = runner.run(intents);
        String newSummary = summary.plus(runner.facts()).text();
        boolean noted = ZoneNote.alreadyGiven(turn.summary(), turn.history());
        if (turn.zone().isEmpty() && (noted || intents.stream().anyMatch(BuiltInAgent::readsTheClock))) {
            if (!noted) {
                content = content + "\n" + new Replies(reading.lexicon(), now.toLocalDate()).zoneNote();
            }
            newSummary = ZoneNote.remembered(newSummary);
        }
        return new AgentReply(content, newSummary);
    }

    /** Whether the intent's meaning depends on what "today" is. */
    private static boolean readsTheClock(Intent intent) {
        return switch (intent) {
            case Intent.AddTask add -> add.schedule().isPresent();
            case Intent.Reschedule reschedule -> true;
            case Intent.ListFiltered filtered -> filtered.filter() == Intent.ListFiltered.Filter.DUE_TODAY
                    || filtered.filter() == Intent.ListFiltered.Filter.OVERDUE;
            default -> false;
        };
    }
}
