package com.todoapi.functions.realtime;

import com.todoapi.apikeys.Scope;
import com.todoapi.http.HttpRequest;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.json.Timestamps;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.live.Tickets;
import com.todoapi.wiring.Services;

import java.util.Set;

/**
 * {@code POST /v1/realtime/tickets} (no body): 201 {@code {ticket, expires_at}}, a single-use ticket
 * for a browser's WebSocket connect ({@code ?ticket=}), valid 60 s. A JWT or an API key; listening
 * only reads, so a {@code read} key may.
 */
public final class CreateRealtimeTicketHandler extends AuthenticatedFunction {
    private final Tickets tickets;

    public CreateRealtimeTicketHandler() {
        this(Services.fromEnvironment());
    }

    CreateRealtimeTicketHandler(Services services) {
        super(services.platform());
        this.tickets = services.tickets();
    }

    @Override
    protected Scope requiredScope(HttpRequest request) {
        return Scope.READ;
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        request.bodyOrEmpty().allowOnly(Set.of()).done();
        Tickets.Issued issued = tickets.issue(request.userId());
        return Responses.json(201, new TicketView(issued.ticket(), Timestamps.format(issued.expiresAt())));
    }

    record TicketView(String ticket, String expiresAt) {
    }
}
