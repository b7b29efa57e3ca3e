package com.todoapi.agent.builtin;

import com.todoapi.agent.memory.RollingSummary;

import com.todoapi.agent.Agent;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.Toolbox;
import java.util.List;

/**
 * The assistant that needs no network and no model: it reads the message with fixed rules
 * (docs/assistant.md), in English or a language its files describe, calls the todo tools, and confirms each action in a
 * sentence that names the task. Unknown input gets a short help sentence; nothing here throws
 * for any message. The rolling summary keeps one line per task it added, completed, deleted or
 * updated, so "what did I just add?" and "it" still work once the messages leave the window.
 */
public final class BuiltInAgent implements Agent {
    private final Languages languages = Languages.load();

    public BuiltInAgent() {
    }

    @Override
    public AgentReply respond(AgentTurn turn, Toolbox tools) {
        Languages.Reading reading = languages.read(Utterances.normalize(turn.userMessage()));
        List<Intent> intents = new IntentParser(reading.lexicon()).parse(reading.text());
        RollingSummary summary = RollingSummary.parse(turn.summary());
        IntentRunner runner = new IntentRunner(tools, new ConversationMemory(turn.history(), summary), reading.lexicon());
        String content = runner.run(intents);
        return new AgentReply(content, summary.plus(runner.facts()).text());
    }
}
