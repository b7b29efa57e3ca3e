package com.todoapi.agent;

import com.todoapi.agent.builtin.BuiltInAgent;

/**
 * Produces the assistant's reply to one user message. The chat worker calls it with the
 * conversation as the table holds it (a rolling summary and a bounded window of recent messages)
 * and the user's tools; it knows nothing of queues, tables or HTTP.
 *
 * <p>Implementations: {@link BuiltInAgent} (rules, no network). A model-backed agent (an
 * OpenAI-compatible chat completions API or Bedrock's Converse API, both with tool use) maps
 * {@link AgentTurn} to the model's messages, {@link Toolbox#specs()} to its tool definitions,
 * and loops on the model's tool calls through {@link Toolbox#call}; the worker stays as it is.
 */
public interface Agent {

    AgentReply respond(AgentTurn turn, Toolbox tools);
}
