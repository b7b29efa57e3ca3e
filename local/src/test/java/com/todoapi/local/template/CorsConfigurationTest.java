package com.todoapi.local.template;

import com.todoapi.local.gateway.CorsPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API's CORS block in the real template.yaml: from parameters, and what the local front door makes of it. */
class CorsConfigurationTest {
    private final Template template = Template.load(Path.of("..", "template.yaml"));

    private TemplateValues values(String origins) {
        return new TemplateValues(template, new Intrinsics.Resolver() {
            @Override
            public String ref(String name) {
                return Map.of("CorsAllowedOrigins", origins, "CorsPreflightCacheSeconds", "600").get(name);
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                throw new AssertionError(logicalId);
            }
        });
    }

    @Test
    void originsAndMaxAgeComeFromParametersAndCredentialsAreOff() {
        Object resolved = values("https://app.example.com,http://localhost:5173")
                .resolve(template.httpApiCorsConfiguration().orElseThrow());
        Map<String, Object> cors = Yaml.map(resolved);
        assertThat(cors.get("AllowOrigins")).isEqualTo(List.of("https://app.example.com", "http://localhost:5173"));
        assertThat(cors.get("AllowCredentials")).isEqualTo(false);
        assertThat(cors.get("MaxAge")).isEqualTo("600");
        assertThat(Yaml.list(cors.get("AllowHeaders"))).containsExactly("Authorization", "Content-Type",
                "Idempotency-Key", "If-Match", "Prefer", "X-Request-Id", "Accept", "Mcp-Protocol-Version",
                "Mcp-Method", "Mcp-Name");
        assertThat(Yaml.list(cors.get("ExposeHeaders"))).containsExactly("ETag", "Location", "Retry-After",
                "X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed",
                "Preference-Applied", "WWW-Authenticate");
    }

    @Test
    void noOriginsMeansNoCors() {
        assertThat(values("").resolve(template.httpApiCorsConfiguration().orElseThrow())).isNull();
    }

    @Test
    void thePolicyAllowsConfiguredAndLocalLoopbackOriginsOnly() {
        CorsPolicy policy = CorsPolicy.fromConfiguration(values("http://localhost:5173")
                .resolve(template.httpApiCorsConfiguration().orElseThrow()), true);
        assertThat(policy.preflightHeaders("http://localhost:5173"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:5173")
                .containsEntry("Access-Control-Max-Age", "600")
                .containsKey("Access-Control-Allow-Headers");
        assertThat(policy.allows("http://127.0.0.1:41234")).isTrue();
        assertThat(policy.preflightHeaders("https://evil.example")).isEmpty();
        assertThat(policy.responseHeaders(Optional.of("https://evil.example"))).isEmpty();
        assertThat(CorsPolicy.fromConfiguration(values("http://localhost:5173")
                .resolve(template.httpApiCorsConfiguration().orElseThrow()), false).allows("http://127.0.0.1:41234")).isFalse();
    }

    @Test
    void theLocalTokenRouteIsNoRouteOfTheTemplate() {
        assertThat(template.functions()).flatExtracting(FunctionSpec::routes).extracting(HttpRoute::path)
                .noneMatch(path -> path.startsWith("/local"));
    }
}
