package com.todoapi.bench;

import com.todoapi.local.template.FunctionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A function's package as Lambda runs it: the jars in its lib/ folder, and their size. */
final class PackageFolder {
    private PackageFolder() {
    }

    static List<Path> jars(FunctionSpec function) throws IOException {
        try (Stream<Path> files = Files.list(function.packageDirectory().resolve("lib"))) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static long bytes(FunctionSpec function) {
        try {
            long total = 0;
            for (Path jar : jars(function)) {
                total += Files.size(jar);
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException("Not packaged: " + function.packageDirectory(), e);
        }
    }
}
