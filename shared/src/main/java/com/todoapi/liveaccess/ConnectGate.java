package com.todoapi.liveaccess;

import com.todoapi.accounts.LeavingCheck;
import com.todoapi.auth.Authenticator;
import com.todoapi.auth.Caller;
import com.todoapi.auth.InvalidTokenException;
import com.todoapi.http.AllowedOrigins;
import com.todoapi.live.Tickets;

import java.util.Optional;

/**
 * Who may open a live connection ({@code $connect}), before anything is stored:
 * <ol>
 *   <li>an {@code Origin} header (a browser page) must be one of the API's CORS origins, since API
 *       Gateway applies no CORS to a WebSocket upgrade and any site could otherwise open a socket
 *       with the person's credentials (cross-site WebSocket hijacking); no {@code Origin} is a
 *       client that is not a browser page;</li>
 *   <li>then the person: a {@code ?ticket=} (single use, from {@code POST /v1/realtime/tickets}),
 *       else an {@code Authorization: Bearer} JWT or API key; a token's user who is leaving is refused.</li>
 * </ol>
 */
public final class ConnectGate {
    private final AllowedOrigins origins;
    private final Tickets tickets;
    private final Authenticator authenticator;
    private final LeavingCheck leaving;

    public ConnectGate(AllowedOrigins origins, Tickets tickets, Authenticator authenticator, LeavingCheck leaving) {
        this.origins = origins;
        this.tickets = tickets;
        this.authenticator = authenticator;
        this.leaving = leaving;
    }

    public Decision admit(Optional<String> origin, Optional<String> ticket, Optional<String> authorization) {
        if (origin.isPresent() && !origins.allows(origin.get())) {
            return Decision.refused(403);
        }
        if (ticket.isPresent()) {
            return tickets.redeem(ticket.get()).map(Decision::admitted).orElse(Decision.refused(401));
        }
        if (authorization.isEmpty()) {
            return Decision.refused(401);
        }
        Caller caller;
        try {
            caller = authenticator.authenticate(authorization);
        } catch (InvalidTokenException invalid) {
            return Decision.refused(401);
        }
        if (!caller.viaApiKey() && leaving.isLeaving(caller.userId())) {
            return Decision.refused(403);
        }
        return Decision.admitted(caller.userId());
    }

    /** The person admitted, or the status the refusal answers with (401 who are you, 403 not from there). */
    public record Decision(Optional<String> userId, int status) {

        static Decision admitted(String userId) {
            return new Decision(Optional.of(userId), 200);
        }

        static Decision refused(int status) {
            return new Decision(Optional.empty(), status);
        }
    }
}
