package com.todoapi.aws.bedrock;

import com.todoapi.agent.model.ModelMessage;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversation as Converse messages. Bedrock wants the person first, the roles taking turns
 * and no blank text block, so a leading assistant message is dropped, empty text is left out and
 * messages of the same role in a row become one. A round's tool results are one user message.
 */
final class ConverseMessages {

    private ConverseMessages() {
    }

    static List<Message> of(List<ModelMessage> conversation) {
        List<Message> messages = new ArrayList<>();
        for (ModelMessage message : conversation) {
            ConversationRole role = message instanceof ModelMessage.Assistant ? ConversationRole.ASSISTANT
                    : ConversationRole.USER;
            List<ContentBlock> content = content(message);
            if (content.isEmpty() || messages.isEmpty() && role == ConversationRole.ASSISTANT) {
                continue;
            }
            if (!messages.isEmpty() && messages.getLast().role() == role) {
                List<ContentBlock> joined = new ArrayList<>(messages.getLast().content());
                joined.addAll(content);
                messages.set(messages.size() - 1, message(role, joined));
            } else {
                messages.add(message(role, content));
            }
        }
        return messages;
    }

    private static List<ContentBlock> content(ModelMessage message) {
        List<ContentBlock> content = new ArrayList<>();
        switch (message) {
            case ModelMessage.User user -> {
                if (!user.text().isBlank()) {
                    content.add(ContentBlock.fromText(user.text()));
                }
            }
            case ModelMessage.Assistant assistant -> {
                if (!assistant.text().isBlank()) {
                    content.add(ContentBlock.fromText(assistant.text()));
                }
                for (RequestedCall call : assistant.calls()) {
                    content.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                            .toolUseId(call.id())
                            .name(call.tool())
                            .input(JsonDocuments.objectOrEmpty(call.arguments()))
                            .build()));
                }
            }
            case ModelMessage.ToolResults results -> {
                for (ToolResult result : results.results()) {
                    ToolResultBlock.Builder block = ToolResultBlock.builder()
                            .toolUseId(result.callId())
                            .content(ToolResultContentBlock.fromText(result.content()));
                    if (result.error()) {
                        block.status(ToolResultStatus.ERROR);
                    }
                    content.add(ContentBlock.fromToolResult(block.build()));
                }
            }
        }
        return content;
    }

    private static Message message(ConversationRole role, List<ContentBlock> content) {
        return Message.builder().role(role).content(content).build();
    }
}
