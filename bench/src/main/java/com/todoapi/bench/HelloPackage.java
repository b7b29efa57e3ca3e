package com.todoapi.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.bench.hello.HelloHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packages the hello handler the way a function is packaged (lib/*.jar), beside its template. */
final class HelloPackage {
    private HelloPackage() {
    }

    /** Returns the template's path; the function's CodeUri, {@code hello}, is beside it. */
    static Path create(Path directory) throws IOException {
        Path template = directory.resolve("template.yaml");
        try (InputStream in = HelloPackage.class.getResourceAsStream("/hello-template.yaml")) {
            Files.copy(in, template, StandardCopyOption.REPLACE_EXISTING);
        }
        Path lib = Files.createDirectories(directory.resolve("hello/target/lambda/lib"));
        String entry = HelloHandler.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("hello.jar")));
             InputStream classFile = HelloHandler.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            classFile.transferTo((OutputStream) jar);
            jar.closeEntry();
        }
        Path core = location(RequestStreamHandler.class);
        Files.copy(core, lib.resolve(core.getFileName()), StandardCopyOption.REPLACE_EXISTING);
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
