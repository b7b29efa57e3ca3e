package com.todoapi.aws.bedrock;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * A Converse answer as the model loop reads it: its text blocks joined, its tool uses as calls
 * (their input as JSON text), the tokens it used and its stop reason. Other blocks (reasoning,
 * citations) are not the reply and are left out.
 */
final class ConverseAnswers {

    private ConverseAnswers() {
    }

    static ModelAnswer of(String modelId, ConverseResponse response) {
        Message message = response.output() == null ? null : response.output().message();
        if (message == null) {
            throw ModelCallException.retryable("the model's answer has no output.message", null);
        }
        List<String> texts = new ArrayList<>();
        List<RequestedCall> calls = new ArrayList<>();
        for (ContentBlock block : message.content()) {
            if (block.text() != null && !block.text().isEmpty()) {
                texts.add(block.text());
            }
            ToolUseBlock use = block.toolUse();
            if (use != null) {
                calls.add(new RequestedCall(use.toolUseId(), use.name(),
                        use.input() == null ? "" : JsonDocuments.text(use.input())));
            }
        }
        return new ModelAnswer(String.join("\n", texts), calls, usage(modelId, response.usage()),
                response.stopReasonAsString());
    }

    private static Usage usage(String modelId, TokenUsage usage) {
        if (usage == null) {
            return new Usage(modelId, 0, 0);
        }
        return new Usage(modelId, count(usage.inputTokens()), count(usage.outputTokens()));
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }
}
