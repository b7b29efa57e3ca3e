package com.todoapi.bench.probe;

import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.todoapi.json.Json;

/**
 * The project's mapper with the Blackbird module, which replaces databind's reflective accessors
 * with generated lambdas. Registered on Json.MAPPER itself (this probe's process has no other
 * user of it) so the configuration is the project's exactly and no second mapper is built.
 */
public final class BlackbirdJson extends MapperJson {
    public BlackbirdJson() {
        super(Json.MAPPER.registerModule(new BlackbirdModule()));
    }
}
