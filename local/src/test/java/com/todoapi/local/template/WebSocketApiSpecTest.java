package com.todoapi.local.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebSocket API read from AWS::ApiGatewayV2 resources: routes, their functions through the integrations, two-way routes, the stage. */
class WebSocketApiSpecTest {

    @Test
    void readsTheRoutesTheirFunctionsAndTheStage(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("template.yaml");
        try (var in = getClass().getResourceAsStream("/websocket-test-template.yaml")) {
            Files.copy(in, file);
        }
        WebSocketApiSpec api = Template.load(file).webSocketApis().getFirst();

        assertThat(api.logicalId()).isEqualTo("SocketApi");
        assertThat(api.stageName()).isEqualTo("live");
        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(api.routes()).containsExactlyInAnyOrder(
                new WebSocketApiSpec.WebSocketRoute("$connect", "SocketFunction", false),
                new WebSocketApiSpec.WebSocketRoute("$disconnect", "SocketFunction", false),
                new WebSocketApiSpec.WebSocketRoute("$default", "SocketFunction", false),
                new WebSocketApiSpec.WebSocketRoute("echo", "SocketFunction", true));
    }

    @Test
    void readsAFunctionNamedByItsAlias(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("template.yaml");
        try (var in = getClass().getResourceAsStream("/websocket-test-template.yaml")) {
            Files.writeString(file, new String(in.readAllBytes()).replace("${SocketFunction.Arn}", "${SocketFunctionAliaslive}"));
        }
        assertThat(Template.load(file).webSocketApis().getFirst().routes())
                .extracting(WebSocketApiSpec.WebSocketRoute::functionId).containsOnly("SocketFunction");
    }

    @Test
    void refusesAnIntegrationThatNamesNoFunction(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("template.yaml");
        try (var in = getClass().getResourceAsStream("/websocket-test-template.yaml")) {
            Files.writeString(file, new String(in.readAllBytes()).replace("${SocketFunction.Arn}", "arn:aws:lambda:fixed"));
        }
        assertThatThrownBy(() -> Template.load(file).webSocketApis()).hasMessageContaining("IntegrationUri must name the function");
    }
}
