package com.todoapi.local;

import com.todoapi.local.fixture.EchoHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a Lambda package (lib/*.jar) of the test fixtures beside a copy of the test template,
 * the layout the local runtime expects after {@code mvn package}.
 */
final class FixturePackage {
    private FixturePackage() {
    }

    /** Returns the path of the template, whose functions' CodeUri is {@code fixture}. */
    static Path create(Path directory) throws IOException {
        return create(directory, "/runtime-test-template.yaml");
    }

    /** The same, with another test template from the test resources. */
    static Path create(Path directory, String templateResource) throws IOException {
        Path template = directory.resolve("template.yaml");
        try (var in = FixturePackage.class.getResourceAsStream(templateResource)) {
            Files.copy(in, template, StandardCopyOption.REPLACE_EXISTING);
        }
        Path lib = Files.createDirectories(directory.resolve("fixture/target/lambda/lib"));
        Path classes = location(EchoHandler.class);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("fixture.jar")));
             Stream<Path> files = Files.walk(classes.resolve("com/todoapi/local/fixture"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) jar);
                jar.closeEntry();
            }
        }
        for (Class<?> dependency : new Class<?>[]{com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class}) {
            Path jar = location(dependency);
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return template;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
