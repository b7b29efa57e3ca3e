import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** Jetty 12: the smallest echo server, limits set as API Gateway's. */
public class JettyEcho {
    public static void main(String[] args) throws Exception {
        Server server = new Server(Integer.parseInt(args[0]));
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxFrameSize(32 * 1024);
            container.setMaxTextMessageSize(128 * 1024);
            container.addMapping("/", (request, response, callback) -> new Echo());
        }));
        server.start();
    }

    /** Jetty reaches a listener through method handles: it must be a public class. */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private Session session;
        @Override public void onWebSocketOpen(Session session) { this.session = session; }
        @Override public void onWebSocketText(String message) { session.sendText(message, Callback.NOOP); }
    }
}
