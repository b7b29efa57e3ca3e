package com.todoapi.bench.probe;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The project's GetItem with the table schema introspected from an annotated bean. */
public final class BeanSchemaGetItem extends EnhancedGetItem<TaskBean> {
    public BeanSchemaGetItem() {
        super(UrlConnection.client(), TableSchema.fromBean(TaskBean.class), TaskBean::answer);
    }
}
