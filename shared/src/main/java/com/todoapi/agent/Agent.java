package com.todoapi.agent;

/**
 * Produces the assistant's reply to one user message. The chat worker calls it with the
 * conversation as the table holds it (a rolling summary and a bounded window of recent messages),
 * the user's tools, the turn's journal and a sink for what the reply says as it is written; it
 * knows nothing of queues, tables, sockets or HTTP.
 *
 * <p>Implementations: the built-in agent ({@code agent.builtin}: rules, no network, no journal
 * needed, its reply pushed whole) and the model agent ({@code agent.model}: a language model behind
 * an OpenAI-compatible or a Bedrock Converse API, looping on the model's tool calls, checkpointing
 * each round in the journal and streaming the model's text as it comes).
 */
public interface Agent {

    AgentReply respond(AgentTurn turn, Toolbox tools);

    /** As {@link #respond(AgentTurn, Toolbox)}, saving the turn's progress in {@code journal} as it goes. */
    default AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal) {
        return respond(turn, tools);
    }

    /**
     * As {@link #respond(AgentTurn, Toolbox, TurnJournal)}, telling {@code sink} of the reply as it
     * is written. This default suits an agent that writes its reply at once: each tool call is
     * told as it finishes, and the reply's text as one delta at the end.
     */
    default AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal, ReplySink sink) {
        AgentReply reply = respond(turn, new ReportingToolbox(tools, sink), journal);
        sink.text(reply.content());
        return reply;
    }
}
