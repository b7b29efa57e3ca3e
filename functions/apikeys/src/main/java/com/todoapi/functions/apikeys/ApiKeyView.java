package com.todoapi.functions.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.apikeys.ApiKey;
import com.todoapi.apikeys.Scope;
import com.todoapi.json.Timestamps;

import java.util.List;

/** A key as listings show it: never the key itself, nor its digest. */
record ApiKeyView(long id, String name, String prefix, List<String> scopes, String createdAt,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String expiresAt,
                  @JsonInclude(JsonInclude.Include.ALWAYS) String lastUsedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id(), key.name(), key.prefix(), scopes(key), Timestamps.format(key.createdAt()),
                key.expiresAt().map(Timestamps::format).orElse(null), key.lastUsedAt().map(Timestamps::format).orElse(null));
    }

    static List<String> scopes(ApiKey key) {
        return key.scopes().stream().sorted().map(Scope::wireName).toList();
    }
}
