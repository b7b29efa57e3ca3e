package com.todoapi.agent;

/** What answering one message cost in model tokens, and with which model: stored with the reply. */
public record ReplyUsage(String model, long inputTokens, long outputTokens, int modelCalls) {
}
