package com.todoapi.local.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves a resource property the way CloudFormation would, conditions included: {@code Ref}
 * (a {@code CommaDelimitedList} parameter is a list), {@code Fn::If}, {@code Fn::Not},
 * {@code Fn::Equals}, {@code Fn::Join}, {@code Condition}, and {@code Ref AWS::NoValue}, which
 * drops the key or item it stands for. Strings in a function's environment go through
 * {@link Intrinsics}; this is for structured properties such as the HTTP API's CORS block.
 */
public final class TemplateValues {
    private final Template template;
    private final Intrinsics.Resolver resolver;

    public TemplateValues(Template template, Intrinsics.Resolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /** The value with every intrinsic resolved; null for {@code AWS::NoValue}. */
    public Object resolve(Object value) {
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                Object resolved = resolve(item);
                if (resolved != null) {
                    items.add(resolved);
                }
            }
            return items;
        }
        Map<String, Object> map = Yaml.map(value);
        if (map.isEmpty()) {
            return value;
        }
        if (map.size() == 1) {
            Map.Entry<String, Object> call = map.entrySet().iterator().next();
            switch (call.getKey()) {
                case "Ref" -> {
                    return ref(call.getValue().toString());
                }
                case "Fn::If" -> {
                    List<Object> args = Yaml.list(call.getValue());
                    return resolve(condition(args.get(0).toString()) ? args.get(1) : args.get(2));
                }
                case "Fn::Join" -> {
                    List<Object> args = Yaml.list(call.getValue());
                    List<String> parts = new ArrayList<>();
                    for (Object part : Yaml.list(resolve(args.get(1)))) {
                        parts.add(String.valueOf(part));
                    }
                    return String.join(args.get(0).toString(), parts);
                }
                case "Fn::Not", "Fn::Equals", "Condition" -> {
                    return test(value);
                }
                default -> {
                    if (call.getKey().startsWith("Fn::")) {
                        throw new IllegalArgumentException(call.getKey() + " is not known to the local runtime here");
                    }
                }
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        map.forEach((key, item) -> {
            Object v = resolve(item);
            if (v != null) {
                resolved.put(key, v);
            }
        });
        return resolved;
    }

    /** A named condition of the template. */
    public boolean condition(String name) {
        return test(template.condition(name)
                .orElseThrow(() -> new IllegalArgumentException("No condition " + name + " in the template")));
    }

    private boolean test(Object expression) {
        Map.Entry<String, Object> call = Yaml.map(expression).entrySet().iterator().next();
        List<Object> args = Yaml.list(call.getValue());
        return switch (call.getKey()) {
            case "Fn::Not" -> !test(args.get(0));
            case "Fn::Equals" -> Objects.equals(String.valueOf(resolve(args.get(0))), String.valueOf(resolve(args.get(1))));
            case "Condition" -> condition(call.getValue().toString());
            default -> throw new IllegalArgumentException("Condition function " + call.getKey() + " is not known locally");
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return null;
        }
        String value = resolver.ref(name);
        if (template.parameterType(name).filter(type -> type.equals("CommaDelimitedList")).isPresent()) {
            return value.isEmpty() ? List.of() : Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        }
        return value;
    }
}
