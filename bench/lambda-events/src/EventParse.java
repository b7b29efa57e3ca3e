import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fresh JVM, one way of reading one event: prints the time of the first parse (what a cold
 * start pays: class loading, mapper set-up, reflection) and of a warm one, and the classes loaded
 * for it. MODE is "records" (the project's records with its Jackson mapper, as HttpFunction and
 * QueueWorker read events) or "events" (aws-lambda-java-events types read by the serializer the
 * Lambda runtime uses for a RequestHandler, aws-lambda-java-serialization).
 * Usage: EventParse MODE http|sqs|websocket EVENT_FILE
 */
public class EventParse {
    private static final java.util.Map<Class<?>, com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<?>> SERIALIZERS =
            new java.util.HashMap<>();

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long started = System.nanoTime();
        Object parsed = parse(args[0], args[1], event);
        long first = System.nanoTime() - started;
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore;
        long warmStarted = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            parse(args[0], args[1], event);
        }
        long warm = (System.nanoTime() - warmStarted) / 1000;  // nanoseconds per parse
        if (parsed == null) {
            throw new IllegalStateException("nothing parsed");
        }
        System.out.printf("%d %d %d%n", first / 1000, warm, classes);
    }

    @SuppressWarnings("unchecked")
    private static Object parse(String mode, String kind, byte[] event) throws Exception {
        if (mode.equals("records")) {
            Class<?> type = switch (kind) {
                case "http" -> com.todoapi.http.HttpRequest.class;
                case "sqs" -> com.todoapi.lambda.SqsBatch.class;
                default -> throw new IllegalArgumentException(kind);
            };
            return com.todoapi.json.Json.MAPPER.readValue(event, type);
        }
        Class<?> type = switch (kind) {
            case "http" -> com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class;
            case "sqs" -> com.amazonaws.services.lambda.runtime.events.SQSEvent.class;
            default -> throw new IllegalArgumentException(kind);
        };
        // The runtime makes the serializer once per handler type, then reuses it.
        return SERIALIZERS.computeIfAbsent(type, t -> LambdaEventSerializers.serializerFor((Class<Object>) t,
                        EventParse.class.getClassLoader()))
                .fromJson(new ByteArrayInputStream(event));
    }
}
