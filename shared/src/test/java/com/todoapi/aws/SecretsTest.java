package com.todoapi.aws;

import com.sun.net.httpserver.HttpServer;
import com.todoapi.config.Env;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where secrets come from. Secrets Manager and SSM cannot run here, so a loopback server speaks
 * their JSON protocol (X-Amz-Target, AWS JSON 1.1) to the real SDK clients.
 */
class SecretsTest {
    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:todo-jwt-AbCdEf";
    private static final String PARAMETER_ARN = "arn:aws:ssm:us-east-1:000000000000:parameter/todo/jwt";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startFakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(target + " " + body);
            String answer = switch (target) {
                case "secretsmanager.GetSecretValue" -> "{\"ARN\":\"" + SECRET_ARN + "\",\"SecretString\":\"from-secrets-manager\"}";
                case "AmazonSSM.GetParameter" -> "{\"Parameter\":{\"Name\":\"/todo/jwt\",\"Type\":\"SecureString\",\"Value\":\"from-ssm\"}}";
                default -> "{}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void stopFakeAws() {
        server.stop(0);
        for (String property : List.of("aws.endpointUrl", "aws.region", "aws.accessKeyId", "aws.secretAccessKey")) {
            System.clearProperty(property);
        }
    }

    @Test
    void readsASecretsManagerSecretByItsArn() {
        assertThat(Secrets.read(new Env(Map.of("JWT_SECRET_ARN", SECRET_ARN)), "JWT_SECRET")).contains("from-secrets-manager");
        assertThat(calls).singleElement().asString()
                .startsWith("secretsmanager.GetSecretValue").contains("\"SecretId\":\"" + SECRET_ARN + "\"");
    }

    @Test
    void readsAnSsmSecureStringByItsArnDecrypted() {
        assertThat(Secrets.read(new Env(Map.of("JWT_SECRET_ARN", PARAMETER_ARN)), "JWT_SECRET")).contains("from-ssm");
        assertThat(calls).singleElement().asString()
                .startsWith("AmazonSSM.GetParameter").contains("\"WithDecryption\":true").contains(PARAMETER_ARN);
    }

    @Test
    void aPlainValueIsRefusedOutsideLocalMode() {
        assertThatThrownBy(() -> Secrets.read(new Env(Map.of("JWT_SECRET", "s3cret")), "JWT_SECRET"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JWT_SECRET_ARN");
        assertThat(calls).isEmpty();
    }

    @Test
    void aPlainValueIsUsedInLocalMode() {
        Env local = new Env(Map.of("JWT_SECRET", "s3cret", Secrets.LOCAL_MODE, "true", "JWT_SECRET_ARN", SECRET_ARN));
        assertThat(Secrets.read(local, "JWT_SECRET")).contains("s3cret");
        assertThat(calls).isEmpty();
    }

    @Test
    void nothingConfiguredIsEmptyAndAnArnOfAnotherServiceIsRefused() {
        assertThat(Secrets.read(new Env(Map.of()), "JWT_SECRET")).isEmpty();
        assertThatThrownBy(() -> Secrets.read(new Env(Map.of("JWT_SECRET_ARN", "arn:aws:s3:::bucket/key")), "JWT_SECRET"))
                .isInstanceOf(IllegalStateException.class);
    }
}
