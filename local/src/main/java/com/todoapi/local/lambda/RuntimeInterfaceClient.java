package com.todoapi.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The jars of AWS's runtime interface client, which Lambda's managed runtime provides outside
 * the function package; found where this process loaded them from.
 */
final class RuntimeInterfaceClient {
    private static final String[] CLASSES = {
            FunctionProcess.RUNTIME_MAIN,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
            "software.amazon.awssdk.annotations.SdkInternalApi",
    };

    /** The client's switch for loading its JNI library from a given file instead of unpacking it. */
    static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeInterfaceClient() {
    }

    /**
     * The client's JNI library, unpacked once for this runtime. Left to itself, every function JVM
     * unpacks it to the same file, /tmp/.libaws-lambda-jni.so, replacing it while other JVMs that
     * start at the same moment map it: they die of SIGBUS. Empty where the jar has no library for
     * this machine (the client then tries its own way).
     */
    static Optional<Path> nativeLibrary() {
        return NativeLibrary.PATH;
    }

    private static final class NativeLibrary {
        static final Optional<Path> PATH = unpack();

        private static Optional<Path> unpack() {
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            String name = "libaws-lambda-jni.linux-" + (arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64") + ".so";
            try (InputStream library = RuntimeInterfaceClient.class.getResourceAsStream("/jni/" + name)) {
                if (library == null || !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
                    return Optional.empty();
                }
                Path folder = Files.createTempDirectory("todo-local-ric");
                Path target = folder.resolve(name);
                Files.copy(library, target);
                target.toFile().deleteOnExit();
                folder.toFile().deleteOnExit();
                return Optional.of(target);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack the runtime interface client's native library", e);
            }
        }
    }

    static String classpath() {
        Set<String> jars = new LinkedHashSet<>();
        for (String name : CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, RuntimeInterfaceClient.class.getClassLoader());
                jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("The runtime interface client is incomplete: " + name + " is missing", e);
            }
        }
        return String.join(File.pathSeparator, jars);
    }
}
