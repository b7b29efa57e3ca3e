package com.todoapi.aws.bedrock;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.ModelRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * A model on Amazon Bedrock through the Converse API ({@code POST /model/{modelId}/converse}),
 * the one request shape for every Bedrock model that takes messages and tools. The SDK client
 * signs and sends; it is built without retries ({@code AwsClients.bedrockRuntime()}), since the
 * model loop retries within the turn's time. Failures are mapped by {@link ConverseFailures}.
 */
public final class BedrockConverseClient implements ModelClient {
    private final BedrockRuntimeClient bedrock;
    private final String modelId;

    /** {@code modelId} is a model id, an inference profile id (e.g. {@code eu.anthropic...}) or an ARN. */
    public BedrockConverseClient(BedrockRuntimeClient bedrock, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("A Bedrock model id is needed");
        }
        this.bedrock = bedrock;
        this.modelId = modelId;
    }

    @Override
    public String model() {
        return modelId;
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        ConverseResponse response;
        try {
            response = bedrock.converse(ConverseRequests.of(modelId, request));
        } catch (SdkException failure) {
            throw ConverseFailures.of(failure, request.timeout());
        }
        return ConverseAnswers.of(modelId, response);
    }
}
