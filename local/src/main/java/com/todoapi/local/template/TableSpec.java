package com.todoapi.local.template;

import java.util.Map;

/** An {@code AWS::DynamoDB::Table} resource, its properties as written in the template. */
public record TableSpec(String logicalId, Map<String, Object> properties) {
}
