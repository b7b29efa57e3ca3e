package com.todoapi.bench.probe;

import com.todoapi.json.Json;

/** The project's mapper, Json.MAPPER. */
public final class DatabindJson extends MapperJson {
    public DatabindJson() {
        super(Json.MAPPER);
    }
}
