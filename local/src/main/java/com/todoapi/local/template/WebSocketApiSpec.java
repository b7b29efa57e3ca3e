package com.todoapi.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API Gateway WebSocket API as the template declares it with {@code AWS::ApiGatewayV2::*}
 * resources (SAM has no WebSocket type): the {@code Api} with {@code ProtocolType: WEBSOCKET},
 * its {@code Route}s, each pointing through an {@code AWS_PROXY} {@code Integration} at a
 * function, the {@code RouteResponse}s that make a route two-way, and its {@code Stage}.
 */
public record WebSocketApiSpec(String logicalId, String routeSelectionExpression, String stageName,
                               List<WebSocketRoute> routes) {

    /** A route key ({@code $connect}, {@code $disconnect}, {@code $default} or a custom one) and the function it invokes. */
    public record WebSocketRoute(String routeKey, String functionId, boolean twoWay) {
    }

    /**
     * {@code ${Function.Arn}} inside the integration URI's {@code !Sub}, or the function's alias as SAM
     * names it for {@code AutoPublishAlias} ({@code ${FunctionAliaslive}}): a route that invokes the
     * alias runs the published version, which SnapStart needs.
     */
    private static final Pattern FUNCTION_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+?)(?:\\.Arn|Alias[A-Za-z0-9]+)}");
    /** {@code integrations/${Integration}} in a route's {@code Target}. */
    private static final Pattern INTEGRATION_TARGET = Pattern.compile("integrations/\\$\\{([A-Za-z0-9]+)}");

    public Optional<WebSocketRoute> route(String routeKey) {
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst();
    }

    static List<WebSocketApiSpec> from(Map<String, Map<String, Object>> resources) {
        List<WebSocketApiSpec> apis = new ArrayList<>();
        resources.forEach((id, resource) -> {
            Map<String, Object> p = Yaml.map(resource.get("Properties"));
            if ("AWS::ApiGatewayV2::Api".equals(resource.get("Type")) && "WEBSOCKET".equals(p.get("ProtocolType"))) {
                apis.add(api(id, p, resources));
            }
        });
        return List.copyOf(apis);
    }

    private static WebSocketApiSpec api(String apiId, Map<String, Object> api, Map<String, Map<String, Object>> resources) {
        String stage = null;
        Map<String, String> twoWayRoutes = new LinkedHashMap<>();
        for (Map<String, Object> resource : resources.values()) {
            Map<String, Object> p = Yaml.map(resource.get("Properties"));
            if (!apiId.equals(ref(p.get("ApiId")))) {
                continue;
            }
            switch (Yaml.string(resource.get("Type"), "")) {
                case "AWS::ApiGatewayV2::Stage" -> stage = Yaml.string(p.get("StageName"), null);
                case "AWS::ApiGatewayV2::RouteResponse" -> twoWayRoutes.put(ref(p.get("RouteId")), "$default");
                default -> {
                }
            }
        }
        List<WebSocketRoute> routes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : resources.entrySet()) {
            Map<String, Object> p = Yaml.map(entry.getValue().get("Properties"));
            if ("AWS::ApiGatewayV2::Route".equals(entry.getValue().get("Type")) && apiId.equals(ref(p.get("ApiId")))) {
                String integration = integrationOf(entry.getKey(), p.get("Target"));
                String function = functionOf(integration, Yaml.map(resources.get(integration)));
                routes.add(new WebSocketRoute(Yaml.string(p.get("RouteKey"), ""), function,
                        twoWayRoutes.containsKey(entry.getKey())));
            }
        }
        if (stage == null) {
            throw new IllegalArgumentException("WebSocket API " + apiId + " has no AWS::ApiGatewayV2::Stage with a StageName");
        }
        return new WebSocketApiSpec(apiId, Yaml.string(api.get("RouteSelectionExpression"), "$request.body.action"), stage,
                List.copyOf(routes));
    }

    /** The logical id a {@code !Ref} names, or the plain string. */
    private static String ref(Object value) {
        Object ref = Yaml.map(value).get("Ref");
        return ref != null ? ref.toString() : value == null ? null : value.toString();
    }

    private static String integrationOf(String routeId, Object target) {
        Object sub = Yaml.map(target).get("Fn::Sub");
        if (sub != null) {
            Matcher m = INTEGRATION_TARGET.matcher(sub.toString());
            if (m.find()) {
                return m.group(1);
            }
        }
        List<Object> join = Yaml.list(Yaml.map(target).get("Fn::Join"));
        if (join.size() == 2) {
            for (Object part : Yaml.list(join.get(1))) {
                if (Yaml.map(part).containsKey("Ref")) {
                    return ref(part);
                }
            }
        }
        throw new IllegalArgumentException("Route " + routeId + ": Target must be !Sub \"integrations/${Integration}\", not " + target);
    }

    private static String functionOf(String integrationId, Map<String, Object> integration) {
        Map<String, Object> p = Yaml.map(integration.get("Properties"));
        if (!"AWS::ApiGatewayV2::Integration".equals(integration.get("Type")) || !"AWS_PROXY".equals(p.get("IntegrationType"))) {
            throw new IllegalArgumentException("Integration " + integrationId + " must be an AWS_PROXY AWS::ApiGatewayV2::Integration");
        }
        Object uri = p.get("IntegrationUri");
        Object sub = Yaml.map(uri).get("Fn::Sub");
        Matcher m = FUNCTION_ARN.matcher(String.valueOf(sub != null ? sub : uri));
        if (m.find()) {
            return m.group(1);
        }
        throw new IllegalArgumentException("Integration " + integrationId
                + ": IntegrationUri must name the function as ${Function.Arn} or its alias ${FunctionAliasNAME} in a !Sub, not " + uri);
    }
}
