package com.todoapi.bench;

import com.todoapi.bench.probe.EnhancedGetItem;
import com.todoapi.local.template.FunctionSpec;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packages a probe as a function is packaged (lib/*.jar under its CodeUri's target/lambda):
 * the jars of a real function's package, the variant's extra jars taken from this JVM's own
 * classpath by artifact name, and one jar of the probe classes. Only the handler named in the
 * spec is loaded, so the other variants' classes in that jar cost nothing.
 */
final class ProbePackage {
    private static final String PROBE_CLASSES = "com/todoapi/bench/probe/";

    private final FunctionSpec function;
    private final Path directory;
    private final Path probeJar;

    /** @param function the real function whose package, memory and timeout every probe shares */
    ProbePackage(FunctionSpec function, Path directory) throws IOException {
        if (!Files.isDirectory(function.packageDirectory().resolve("lib"))) {
            throw new IllegalStateException(function.logicalId() + " is not packaged at " + function.packageDirectory()
                    + ": build it first with ./dev build");
        }
        this.function = function;
        this.directory = directory;
        this.probeJar = writeProbeJar(directory.resolve("probes.jar"));
    }

    FunctionSpec create(String logicalId, Class<?> handler, List<String> extraArtifacts) throws IOException {
        Path codeUri = directory.resolve(logicalId);
        Path lib = Files.createDirectories(codeUri.resolve("target/lambda/lib"));
        for (Path jar : PackageFolder.jars(function)) {
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String artifact : extraArtifacts) {
            Path jar = onClasspath(artifact);
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(probeJar, lib.resolve("probes.jar"), StandardCopyOption.REPLACE_EXISTING);
        return new FunctionSpec(logicalId, handler.getName() + "::handleRequest", codeUri, function.runtime(),
                function.memorySizeMb(), function.timeoutSeconds(), Map.of(), List.of(), List.of(), List.of());
    }

    /** The jar of {@code artifact} (e.g. "httpclient" for httpclient-4.5.13.jar), exactly one, on this JVM's classpath. */
    private static Path onClasspath(String artifact) {
        List<Path> found = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(jar -> jar.getFileName().toString().matches(Pattern.quote(artifact) + "-\\d.*\\.jar"))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + artifact + " jar on the classpath, found " + found);
        }
        return found.getFirst();
    }

    private static Path writeProbeJar(Path target) throws IOException {
        Path classes = location(EnhancedGetItem.class);
        try (FileSystem jar = Files.isDirectory(classes) ? null : FileSystems.newFileSystem(classes)) {
            Path root = jar == null ? classes : jar.getPath("/");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target));
                 Stream<Path> files = Files.walk(root.resolve(PROBE_CLASSES))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, (OutputStream) out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
