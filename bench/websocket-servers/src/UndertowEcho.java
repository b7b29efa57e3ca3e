import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;

/** Undertow 2.3: the smallest echo server. */
public class UndertowEcho {
    public static void main(String[] args) {
        Undertow.builder().addHttpListener(Integer.parseInt(args[0]), "127.0.0.1")
                .setHandler(Handlers.websocket((exchange, channel) -> {
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                            WebSockets.sendText(message.getData(), ch, null);
                        }
                    });
                    channel.resumeReceives();
                })).build().start();
    }
}
