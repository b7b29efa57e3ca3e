package com.todoapi.testing;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.template.Template;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real DynamoDB and SQS with the template's table and queues: DynamoDB Local and
 * ElasticMQ on loopback (in memory, any free port), started once per test JVM. With
 * {@code -Dtest.backend=localstack} the same tests run against LocalStack in Docker instead,
 * and are skipped where no Docker engine answers.
 */
public final class AwsBackendExtension implements ParameterResolver, ExecutionCondition {
    public static final String BACKEND_PROPERTY = "test.backend";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (localStackSelected() && !LocalStackBackend.dockerAnswers()) {
            return ConditionEvaluationResult.disabled("LocalStack backend selected, but no Docker engine answers here");
        }
        return ConditionEvaluationResult.enabled("backend: " + (localStackSelected() ? "LocalStack" : "DynamoDB Local + ElasticMQ"));
    }

    static boolean localStackSelected() {
        return "localstack".equals(System.getProperty(BACKEND_PROPERTY));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(AwsBackendExtension.class, key -> start(), AwsBackend.class);
    }

    private static AwsBackend start() {
        Template template = Template.load(RepoFiles.template());
        LocalConfig config = LocalConfig.read(RepoFiles.localConfig());
        if (localStackSelected()) {
            return LocalStackBackend.start(template, config);
        }
        return new EmulatorBackend(Emulators.start(template, config.parameters(), 0, 0, null));
    }

    /** DynamoDB Local and ElasticMQ in this JVM; JUnit closes them when the run ends. */
    record EmulatorBackend(Emulators emulators) implements AwsBackend, ExtensionContext.Store.CloseableResource {
        @Override
        public LocalAws aws() {
            return emulators.aws();
        }

        @Override
        public LocalResources resources() {
            return emulators.resources();
        }

        @Override
        public void close() {
            emulators.close();
        }
    }
}
