package com.todoapi.bench;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaging choice, for one function: its module's package as shipped (the handlers of one
 * resource together), one package holding every function of the project, and the smallest
 * package per function, holding only the jars its first request loads classes from. The last is
 * a bound on what per-function packaging could buy, not a deployable package: other paths of the
 * function (a secret read from Secrets Manager, say) would miss their jars.
 */
final class Packaging {
    private static final Pattern JAR_SOURCE = Pattern.compile("source: (?:jar:)?file:(\\S+?\\.jar)");

    /** One layout: how many jars, their size, and the cold start (median). */
    record Result(String layout, int jars, long bytes, double coldMillis) {
    }

    private final Path repository;

    Packaging(Path repository) {
        this.repository = repository;
    }

    List<Result> measure(ColdStarts.Case c, int runs) throws IOException {
        Template project = Template.load(repository.resolve("template.yaml"));
        LocalConfig config = LocalConfig.read(repository.resolve("local/local-config.json"));
        Path work = Files.createTempDirectory("bench-packaging");
        try (Emulators emulators = Emulators.start(project, config.parameters(), 0, 0, null)) {
            FunctionSpec shipped = project.function(c.function());
            Map<String, String> environment = LocalRuntime.functionEnvironment(shipped, emulators.aws(), emulators.resources(),
                    config);
            byte[] event = c.event(repository.resolve("events"));
            TimedFunction asShipped = new TimedFunction(shipped, environment, event);
            Set<Path> everyFunctionsJars = new TreeSet<>();
            for (FunctionSpec function : project.functions()) {
                everyFunctionsJars.addAll(PackageFolder.jars(function));
            }
            List<String> layouts = List.of("its module's package (as shipped)", "one package for every function",
                    "only the jars its first request loads");
            List<TimedFunction> variants = List.of(asShipped,
                    new TimedFunction(shipped.withCodeUri(packageOf(work.resolve("all"), everyFunctionsJars)), environment, event),
                    new TimedFunction(shipped.withCodeUri(packageOf(work.resolve("trimmed"), jarsLoadedBy(asShipped))),
                            environment, event));
            TimedFunction.startInTurns(variants, runs);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                FunctionSpec layout = variants.get(i).spec;
                results.add(new Result(layouts.get(i), PackageFolder.jars(layout).size(), PackageFolder.bytes(layout),
                        Stats.median(variants.get(i).timings)));
            }
            return results;
        }
    }

    /** The package jars the function's first request loads classes from, read from the JVM's class-loading log. */
    private static Set<Path> jarsLoadedBy(TimedFunction function) {
        Path lib = function.spec.packageDirectory().resolve("lib").toAbsolutePath().normalize();
        Set<Path> loaded = new TreeSet<>();
        function.classLoadLines().forEach(line -> {
            Matcher source = JAR_SOURCE.matcher(line);
            if (source.find()) {
                Path jar = Path.of(source.group(1)).toAbsolutePath().normalize();
                if (jar.startsWith(lib)) {
                    loaded.add(jar);
                }
            }
        });
        if (loaded.isEmpty()) {
            throw new IllegalStateException("No class of " + function.spec.logicalId() + " came from its package " + lib);
        }
        return loaded;
    }

    /** A code folder laid out as a function's package, holding copies of {@code jars}; returns the folder. */
    private static Path packageOf(Path codeUri, Collection<Path> jars) throws IOException {
        Path lib = Files.createDirectories(codeUri.resolve("target/lambda/lib"));
        for (Path jar : jars) {
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return codeUri;
    }

}
