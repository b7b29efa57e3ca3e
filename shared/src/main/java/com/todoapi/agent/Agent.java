package com.todoapi.agent;

import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.TurnJournal;

/**
 * Produces the assistant's reply to one user message. The chat worker calls it with the
 * conversation as the table holds it (a rolling summary and a bounded window of recent messages),
 * the user's tools and the turn's journal; it knows nothing of queues, tables or HTTP.
 *
 * <p>Implementations: {@link BuiltInAgent} (rules, no network, no journal needed) and
 * {@link ModelAgent} (a language model behind an OpenAI-compatible or a Bedrock Converse API,
 * looping on the model's tool calls and checkpointing each round in the journal).
 */
public interface Agent {

    AgentReply respond(AgentTurn turn, Toolbox tools);

    /** As {@link #respond(AgentTurn, Toolbox)}, saving the turn's progress in {@code journal} as it goes. */
    default AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal) {
        return respond(turn, tools);
    }
}
