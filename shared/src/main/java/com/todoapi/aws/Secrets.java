package com.todoapi.aws;


import com.todoapi.config.Env;
import java.util.Optional;

/**
 * Reads a secret setting {@code NAME}. In AWS the environment holds only where it is,
 * {@code NAME_ARN}: a Secrets Manager secret or an SSM SecureString parameter, read once at
 * start. The value itself in {@code NAME} is accepted in local mode only ({@code TODO_LOCAL_MODE=true},
 * which only local/local-config.json sets), so a secret never sits in a deployed function's
 * configuration.
 */
public final class Secrets {
    public static final String LOCAL_MODE = Env.LOCAL_MODE;

    private Secrets() {
    }

    public static Optional<String> read(Env env, String name) {
        Optional<String> plain = env.optional(name);
        if (plain.isPresent()) {
            if (!isLocalMode(env)) {
                throw new IllegalStateException(name + " holds a secret in plain text, which only local mode accepts; "
                        + "in AWS set " + name + "_ARN to a Secrets Manager secret or an SSM SecureString parameter");
            }
            return plain;
        }
        return env.optional(name + "_ARN").map(Secrets::fetch);
    }

    public static boolean isLocalMode(Env env) {
        return env.localMode();
    }

    static String fetch(String arn) {
        if (arn.startsWith("arn:") && arn.contains(":secretsmanager:")) {
            try (var client = AwsClients.secretsManager()) {
                return client.getSecretValue(request -> request.secretId(arn)).secretString();
            }
        }
        if (arn.startsWith("arn:") && arn.contains(":ssm:")) {
            try (var client = AwsClients.ssm()) {
                return client.getParameter(request -> request.name(arn).withDecryption(true)).parameter().value();
            }
        }
        throw new IllegalStateException("Not the ARN of a Secrets Manager secret or an SSM parameter: " + arn);
    }
}
