package com.todoapi.local.emulator;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** AWS's DynamoDB Local, in this process: on disk under a folder, or in memory. */
public final class DynamoDbLocal implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param dataDirectory where the database file lives, or null to keep everything in memory */
    public static DynamoDbLocal start(int port, Path dataDirectory) {
        SqliteNatives.configure();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dataDirectory == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            args.addAll(List.of("-dbPath", dataDirectory.toAbsolutePath().toString()));
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new DynamoDbLocal(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    /**
     * DynamoDB Local stores data through sqlite4java, whose native library Maven resolves as a
     * plain file next to the sqlite4java jar; point sqlite4java at the folder that holds it.
     */
    static final class SqliteNatives {
        private SqliteNatives() {
        }

        static void configure() {
            if (System.getProperty("sqlite4java.library.path") != null) {
                return;
            }
            String artifact = artifactFor(System.getProperty("os.name"), System.getProperty("os.arch"));
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (path.getFileName() != null && path.getFileName().toString().startsWith(artifact + "-")) {
                    System.setProperty("sqlite4java.library.path", path.getParent().toString());
                    return;
                }
            }
            Path jar = jarOf("com.almworks.sqlite4java.SQLite");
            // ~/.m2/repository/com/almworks/sqlite4java/sqlite4java/<v>/sqlite4java-<v>.jar
            Path version = jar.getParent();
            Path sibling = version.getParent().getParent().resolve(artifact).resolve(version.getFileName());
            if (!Files.isDirectory(sibling)) {
                throw new IllegalStateException("sqlite4java's native library " + artifact + " is not in " + sibling
                        + "; build with ./dev so Maven resolves it");
            }
            System.setProperty("sqlite4java.library.path", sibling.toString());
        }

        static String artifactFor(String os, String arch) {
            String o = os.toLowerCase();
            boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
            if (o.contains("linux")) {
                return x64 ? "libsqlite4java-linux-amd64" : "libsqlite4java-linux-i386";
            }
            if (o.contains("mac")) {
                return "libsqlite4java-osx";
            }
            if (o.contains("windows")) {
                return x64 ? "sqlite4java-win32-x64" : "sqlite4java-win32-x86";
            }
            throw new IllegalStateException("DynamoDB Local has no sqlite4java native library for " + os + "/" + arch);
        }

        private static Path jarOf(String className) {
            try {
                Class<?> type = Class.forName(className, false, DynamoDbLocal.class.getClassLoader());
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot locate " + className + "'s jar", e);
            }
        }
    }
}
