package com.todoapi.aws.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.aws.Secrets;
import com.todoapi.config.Env;
import com.todoapi.json.Json;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Records every AWS call a function makes, for the deploy proof ({@code ./dev iam-check}): one
 * line per call on standard error, {@value #LINE_PREFIX} then JSON with the function, the
 * service, the operation and what it touched. The local runtime, which reads every line a
 * function prints, takes these out of the log and files them under the function's name. Only
 * the local runtime switches it on ({@code TODO_RECORD_AWS_CALLS=true}), and only in local mode;
 * a deployed function never has it, and without it no interceptor is added at all.
 * Lines hold names and keys (a table's partition key, for IAM's {@code dynamodb:LeadingKeys}),
 * never an item's other attributes, a message body or a secret's value.
 */
public final class CallRecorder implements ExecutionInterceptor {
    public static final String SWITCH_VARIABLE = "TODO_RECORD_AWS_CALLS";
    public static final String LINE_PREFIX = "TODO_AWS_CALL ";

    private final String function;
    private final Consumer<String> sink;

    /** Records {@code function}'s calls, each as one JSON text handed to {@code sink}. */
    public CallRecorder(String function, Consumer<String> sink) {
        this.function = function;
        this.sink = sink;
    }

    /** The recorder the environment asks for, if any; refused outside local mode. */
    public static Optional<ExecutionInterceptor> fromEnvironment(Env env) {
        if (!env.optional(SWITCH_VARIABLE).map(Boolean::parseBoolean).orElse(false)) {
            return Optional.empty();
        }
        if (!Secrets.isLocalMode(env)) {
            throw new IllegalStateException(SWITCH_VARIABLE + " records AWS calls for the local runtime only; "
                    + "it is not for a deployed function");
        }
        // One println per call: lines from several threads never interleave.
        return Optional.of(new CallRecorder(env.require("AWS_LAMBDA_FUNCTION_NAME"),
                json -> System.err.println(LINE_PREFIX + json)));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("function", function);
        line.put("service", service);
        line.put("operation", operation);
        line.put("targets", targets(service, context.request(), attributes));
        try {
            sink.accept(Json.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> targets(String service, SdkRequest request, ExecutionAttributes attributes) {
        return switch (service) {
            case "DynamoDb" -> DynamoDbTargets.of(request);
            case "Sqs" -> named("queue", request, "QueueUrl");
            case "SecretsManager" -> named("secret", request, "SecretId");
            case "Ssm" -> named("parameter", request, "Name");
            case "BedrockRuntime" -> named("model", request, "ModelId");
            case "ApiGatewayManagementApi" -> connection(request, attributes);
            default -> List.of(Map.of("kind", "unknown"));
        };
    }

    /**
     * A {@code @connections} call: the endpoint the client was given (a stage's URL, which names the
     * WebSocket API and its stage, the parts of the ARN IAM checks) and the connection.
     */
    @SuppressWarnings("deprecation") // CLIENT_ENDPOINT: the endpoint override as configured, which is what is wanted here
    private static List<Map<String, Object>> connection(SdkRequest request, ExecutionAttributes attributes) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "connection");
        target.put("endpoint", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.CLIENT_ENDPOINT)));
        request.getValueForField("ConnectionId", String.class).ifPresent(id -> target.put("connection", id));
        return List.of(target);
    }

    private static List<Map<String, Object>> named(String kind, SdkRequest request, String field) {
        return request.getValueForField(field, String.class)
                .<List<Map<String, Object>>>map(name -> List.of(Map.of("kind", kind, "name", name)))
                .orElse(List.of());
    }
}
