package com.todoapi.functions.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.apikeys.ApiKey;
import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.domain.Page;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.wiring.Services;

import java.util.List;
import java.util.OptionalLong;

/** {@code GET /v1/api-keys?limit&cursor}: the caller's live keys, oldest first; a JWT only (a key gets 403). */
public final class ListApiKeysHandler extends AuthenticatedFunction {
    private static final String LIST = "api-keys";
    private final ApiKeyService keys;
    private final CursorCodec cursors;

    public ListApiKeysHandler() {
        this(Services.fromEnvironment());
    }

    ListApiKeysHandler(Services services) {
        super(services.platform());
        this.keys = services.apiKeys();
        this.cursors = services.cursors();
    }

    @Override
    protected boolean acceptsApiKeys() {
        return false;
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        int limit = request.pageLimit();
        OptionalLong after = cursors.decodeNumber(request.userId(), LIST, request.query("cursor"));
        Page<ApiKey, Long> page = keys.list(request.userId(), limit, after);
        return Responses.json(200, new KeyPage(page.items().stream().map(ApiKeyView::of).toList(),
                cursors.encodeNumber(request.userId(), LIST, page.next())));
    }

    record KeyPage(List<ApiKeyView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
