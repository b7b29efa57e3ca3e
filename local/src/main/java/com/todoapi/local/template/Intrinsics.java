package com.todoapi.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions a function's environment may use ({@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, and {@code Fn::If} on a condition the
 * resolver evaluates) against the resources running locally.
 */
public final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /** What the local runtime knows of a name in the template. */
    public interface Resolver {
        String ref(String name);

        String getAtt(String logicalId, String attribute);

        /** A named condition of the template, for {@code Fn::If}; a resolver that knows none refuses. */
        default boolean condition(String name) {
            throw new IllegalArgumentException("Fn::If is not supported without the template's conditions (" + name + ")");
        }
    }

    private Intrinsics() {
    }

    /** The value as a string, or null for {@code AWS::NoValue}. */
    public static String resolve(Object value, Resolver resolver) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        Map<String, Object> function = Yaml.map(value);
        if (function.size() != 1) {
            throw new IllegalArgumentException("Cannot resolve " + value + " to a string");
        }
        Map.Entry<String, Object> call = function.entrySet().iterator().next();
        return switch (call.getKey()) {
            case "Ref" -> "AWS::NoValue".equals(call.getValue()) ? null : resolver.ref(call.getValue().toString());
            case "Fn::GetAtt" -> {
                List<Object> args = Yaml.list(call.getValue());
                yield resolver.getAtt(args.get(0).toString(), args.get(1).toString());
            }
            case "Fn::Sub" -> sub(call.getValue(), resolver);
            case "Fn::If" -> {
                if (!(call.getValue() instanceof List<?> args) || args.size() != 3) {
                    throw new IllegalArgumentException("Fn::If is not supported in this form: " + value);
                }
                yield resolve(resolver.condition(args.get(0).toString()) ? args.get(1) : args.get(2), resolver);
            }
            case "Fn::Join" -> {
                List<Object> args = Yaml.list(call.getValue());
                List<String> parts = new ArrayList<>();
                for (Object part : Yaml.list(args.get(1))) {
                    parts.add(resolve(part, resolver));
                }
                yield String.join(args.get(0).toString(), parts);
            }
            default -> throw new IllegalArgumentException(call.getKey() + " is not supported by the local runtime in " + value);
        };
    }

    private static String sub(Object argument, Resolver resolver) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof List<?> list) {
            text = list.get(0).toString();
            variables = Yaml.map(list.get(1));
        } else {
            text = argument.toString();
            variables = Map.of();
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = resolve(variables.get(name), resolver);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                String[] parts = name.split("\\.", 2);
                replacement = resolver.getAtt(parts[0], parts[1]);
            } else {
                replacement = resolver.ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
