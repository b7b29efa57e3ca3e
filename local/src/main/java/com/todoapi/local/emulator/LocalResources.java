package com.todoapi.local.emulator;

import com.todoapi.local.template.Intrinsics;
import com.todoapi.local.template.Template;
import com.todoapi.local.template.TemplateValues;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template's resources as they exist locally: physical names, queue URLs and ARNs, and
 * parameter values. Answers {@code Ref} and {@code Fn::GetAtt} for the function environments.
 */
public record LocalResources(Template template, Map<String, String> tableNames, Map<String, LocalQueue> queues,
                             Map<String, String> parameters) implements Intrinsics.Resolver {

    public record LocalQueue(String name, String url, String arn) {
    }

    public String tableName(String logicalId) {
        String name = tableNames.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("No table " + logicalId + " in the template");
        }
        return name;
    }

    public LocalQueue queue(String logicalId) {
        LocalQueue queue = queues.get(logicalId);
        if (queue == null) {
            throw new IllegalArgumentException("No queue " + logicalId + " in the template");
        }
        return queue;
    }

    /**
     * What {@code ./dev iam-check} needs to evaluate this run's calls: the parameter values the
     * run used (a parameter with neither a value nor a default is left out) and the physical
     * names of the tables and queues.
     */
    public Map<String, Object> manifest() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.parameterNames()) {
            if (parameters.containsKey(name) || template.parameterDefault(name).isPresent()) {
                values.put(name, ref(name));
            }
        }
        Map<String, Object> queueManifest = new LinkedHashMap<>();
        queues.forEach((id, queue) -> queueManifest.put(id, Map.of("name", queue.name(), "url", queue.url(), "arn", queue.arn())));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("region", LocalAws.REGION);
        manifest.put("account", LocalAws.ACCOUNT);
        manifest.put("stack", ref("AWS::StackName"));
        manifest.put("parameters", values);
        manifest.put("tables", new LinkedHashMap<>(tableNames));
        manifest.put("queues", queueManifest);
        return manifest;
    }

    @Override
    public String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return LocalAws.REGION;
            case "AWS::AccountId":
                return LocalAws.ACCOUNT;
            case "AWS::StackName":
                return "local";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        if (template.hasParameter(name)) {
            String value = parameters.get(name);
            if (value == null) {
                value = template.parameterDefault(name).orElseThrow(() -> new IllegalArgumentException(
                        "Parameter " + name + " has no default and no local value: add it to local/local-config.json"));
            }
            return value;
        }
        if (tableNames.containsKey(name)) {
            return tableNames.get(name);
        }
        if (queues.containsKey(name)) {
            return queues.get(name).url();
        }
        if (template.resourceType(name).isPresent()) {
            return name;
        }
        throw new IllegalArgumentException("!Ref " + name + ": no such parameter or resource in the template");
    }

    /** A condition of the template, on this run's parameter values (the environment's {@code Fn::If}). */
    @Override
    public boolean condition(String name) {
        return new TemplateValues(template, this).condition(name);
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        if (tableNames.containsKey(logicalId) && attribute.equals("Arn")) {
            return "arn:aws:dynamodb:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":table/" + tableNames.get(logicalId);
        }
        if (queues.containsKey(logicalId)) {
            LocalQueue queue = queues.get(logicalId);
            switch (attribute) {
                case "Arn":
                    return queue.arn();
                case "QueueUrl":
                    return queue.url();
                case "QueueName":
                    return queue.name();
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("!GetAtt " + logicalId + "." + attribute + " is not known to the local runtime");
    }
}
