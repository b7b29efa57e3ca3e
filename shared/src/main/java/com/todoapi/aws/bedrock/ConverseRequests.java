package com.todoapi.aws.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.model.ModelTool;
import com.todoapi.json.Json;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

import java.util.List;

/** One model call as a Converse request: system prompt, messages, limits, tools, and the call's own timeout. */
final class ConverseRequests {
    /** Converse takes a temperature from 0 to 1; the model settings allow up to 2 (OpenAI's range). */
    private static final double HIGHEST_TEMPERATURE = 1.0;

    private ConverseRequests() {
    }

    static ConverseRequest of(String modelId, ModelRequest request) {
        InferenceConfiguration.Builder limits = InferenceConfiguration.builder().maxTokens(request.maxOutputTokens());
        request.temperature().ifPresent(t -> limits.temperature((float) Math.min(t, HIGHEST_TEMPERATURE)));
        ConverseRequest.Builder call = ConverseRequest.builder()
                .modelId(modelId)
                .messages(ConverseMessages.of(request.messages()))
                .inferenceConfig(limits.build());
        if (request.system() != null && !request.system().isBlank()) {
            call.system(SystemContentBlock.fromText(request.system()));
        }
        if (!request.tools().isEmpty()) {
            call.toolConfig(tools(request.tools()));
        }
        if (request.timeout() != null) {
            // The whole call, not only each read, so a model that trickles its answer cannot outlast the worker.
            call.overrideConfiguration(override -> override.apiCallTimeout(request.timeout())
                    .apiCallAttemptTimeout(request.timeout()));
        }
        return call.build();
    }

    private static ToolConfiguration tools(List<ModelTool> tools) {
        return ToolConfiguration.builder()
                .tools(tools.stream().map(ConverseRequests::tool).toList())
                .toolChoice(ToolChoice.fromAuto(AutoToolChoice.builder().build()))
                .build();
    }

    private static Tool tool(ModelTool tool) {
        ToolSpecification.Builder spec = ToolSpecification.builder()
                .name(tool.name())
                .inputSchema(ToolInputSchema.fromJson(schema(tool.parametersJsonSchema())));
        if (tool.description() != null && !tool.description().isBlank()) {
            spec.description(tool.description());
        }
        return Tool.fromToolSpec(spec.build());
    }

    private static Document schema(String jsonSchema) {
        try {
            return JsonDocuments.of(Json.MAPPER.readTree(jsonSchema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tool's schema is not JSON", e);
        }
    }
}
