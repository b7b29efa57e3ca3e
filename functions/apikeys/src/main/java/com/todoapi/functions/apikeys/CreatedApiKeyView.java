package com.todoapi.functions.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.json.Timestamps;

import java.util.List;

/** The answer to a create: the one response that ever holds the key. */
record CreatedApiKeyView(long id, String name, String key, String prefix, List<String> scopes, String createdAt,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String expiresAt) {

    static CreatedApiKeyView of(ApiKeyService.Created created) {
        return new CreatedApiKeyView(created.key().id(), created.key().name(), created.secret(), created.key().prefix(),
                ApiKeyView.scopes(created.key()), Timestamps.format(created.key().createdAt()),
                created.key().expiresAt().map(Timestamps::format).orElse(null));
    }
}
