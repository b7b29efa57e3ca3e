import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Starts a server class in a fresh JVM, and measures the time from the process start until a
 * JDK WebSocket client has its first text echoed, then the server's resident memory (VmRSS)
 * after that echo. Usage: Probe RUNS PORT CLASSPATH MAIN_CLASS
 */
public class Probe {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        List<Double> millis = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xshare:auto", "-cp", args[2], args[3], String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            HttpClient client = HttpClient.newHttpClient();
            while (true) {
                if (System.nanoTime() - started > 30_000_000_000L) {
                    p.destroyForcibly();
                    throw new IllegalStateException(args[3] + " never echoed");
                }
                try {
                    CompletableFuture<String> echoed = new CompletableFuture<>();
                    WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/"),
                            new WebSocket.Listener() {
                                @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                    echoed.complete(data.toString());
                                    return null;
                                }
                            }).get(5, TimeUnit.SECONDS);
                    ws.sendText("ping", true);
                    echoed.get(5, TimeUnit.SECONDS);
                    break;
                } catch (Exception notYet) {
                    Thread.sleep(5);
                }
            }
            millis.add((System.nanoTime() - started) / 1e6);
            Thread.sleep(300);
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss.add(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
            p.destroy();
            p.waitFor();
        }
        Collections.sort(millis);
        Collections.sort(rss);
        long bytes = 0;
        for (String jar : args[2].split(":")) {
            if (jar.endsWith(".jar")) {
                bytes += Files.size(Path.of(jar));
            }
        }
        System.out.printf("%s: first echo median %.0f ms (min %.0f, max %.0f), RSS median %d MB, jars %d KB in %d files%n",
                args[3], millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1),
                rss.get(rss.size() / 2), bytes / 1024, args[2].split(":").length - 1);
    }
}
