package com.todoapi.functions.realtime;

import com.todoapi.lambda.WebSocketEvent;
import com.todoapi.lambda.WebSocketFunction;
import com.todoapi.liveaccess.ConnectGate;
import com.todoapi.live.LiveConnections;
import com.todoapi.wiring.Services;

/**
 * {@code $connect}: admits the person ({@link ConnectGate}: origin, then ticket or bearer) and
 * registers the connection; a refusal (401, 403) stores nothing and API Gateway refuses the upgrade.
 */
public final class ConnectHandler extends WebSocketFunction {
    /** A bearer no issuer signed: priming checks a token and reads nothing. */
    private static final String PRIMING_EVENT = """
            {"headers":{"Authorization":"Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InByaW1pbmcifQ.\
            eyJzdWIiOiJwcmltaW5nIiwiaXNzIjoicHJpbWluZyIsImF1ZCI6InByaW1pbmciLCJleHAiOjF9.cHJpbWluZw"},
             "requestContext":{"routeKey":"$connect","eventType":"CONNECT","connectionId":"snapstart-priming",
              "requestId":"snapstart-priming"},"isBase64Encoded":false}""";

    private final ConnectGate gate;
    private final LiveConnections connections;
    private final Runnable tableRead;

    public ConnectHandler() {
        this(Services.fromEnvironment());
    }

    ConnectHandler(Services services) {
        this.gate = services.connectGate();
        this.connections = services.liveConnections();
        this.tableRead = services.primingTableRead();
    }

    @Override
    protected int handle(WebSocketEvent event) {
        ConnectGate.Decision decision = gate.admit(event.header("origin"), event.query("ticket"),
                event.header("authorization"));
        if (decision.userId().isEmpty()) {
            return decision.status();
        }
        connections.connected(decision.userId().get(), event.connectionId());
        return 200;
    }

    @Override
    protected void prime() {
        super.prime();
        tableRead.run();
    }

    @Override
    protected String primingEvent() {
        return PRIMING_EVENT;
    }
}
