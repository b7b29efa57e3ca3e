import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import java.net.InetSocketAddress;

/** Java-WebSocket: the smallest echo server. */
public class JavaWebSocketEcho {
    public static void main(String[] args) {
        WebSocketServer server = new WebSocketServer(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]))) {
            @Override public void onOpen(WebSocket conn, ClientHandshake handshake) { }
            @Override public void onClose(WebSocket conn, int code, String reason, boolean remote) { }
            @Override public void onMessage(WebSocket conn, String message) { conn.send(message); }
            @Override public void onError(WebSocket conn, Exception ex) { }
            @Override public void onStart() { }
        };
        server.setReuseAddr(true);
        server.start();
    }
}
