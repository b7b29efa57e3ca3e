package com.todoapi.bench;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory-size choice: one function at several sizes, each JVM given the heap the local
 * runtime gives that size and the CPU Lambda gives it ({@link CpuCap}), cold starts in turns,
 * then warm requests to one instance. Lambda shows a function two processors whatever its size,
 * and so do these JVMs, whatever their group allows.
 */
final class MemorySizes {
    /** One size: its CPU, its cold start (median) and warm requests to one instance (ms). */
    record Result(int memoryMb, double vcpus, double coldMillis, double warmP50, double warmP99) {
    }

    private final Path repository;

    MemorySizes(Path repository) {
        this.repository = repository;
    }

    /** The figures per size, or empty where the CPU cannot be capped on this machine. */
    Optional<List<Result>> measure(ColdStarts.Case c, List<Integer> sizes, int runs, int warm) throws IOException {
        Template project = Template.load(repository.resolve("template.yaml"));
        LocalConfig config = LocalConfig.read(repository.resolve("local/local-config.json"));
        List<CpuCap> caps = new ArrayList<>();
        try (Emulators emulators = Emulators.start(project, config.parameters(), 0, 0, null)) {
            FunctionSpec spec = project.function(c.function());
            Map<String, String> environment = UnthrottledEnvironment.of(spec, emulators.aws(), emulators.resources(), config);
            byte[] event = c.event(repository.resolve("events"));
            List<TimedFunction> variants = new ArrayList<>();
            for (int memoryMb : sizes) {
                Optional<CpuCap> cap = CpuCap.forMemory(memoryMb);
                if (cap.isEmpty()) {
                    return Optional.empty();
                }
                caps.add(cap.get());
                variants.add(new TimedFunction(spec.withMemorySizeMb(memoryMb), environment, event)
                        .withJavaOptions("-XX:ActiveProcessorCount=2")
                        .launchedBy(cap.get().launcher()));
            }
            TimedFunction.startInTurns(variants, runs);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                double[] warmTimings = variants.get(i).warmMillis(warm);
                results.add(new Result(sizes.get(i), CpuCap.vcpus(sizes.get(i)), Stats.median(variants.get(i).timings),
                        Stats.percentile(warmTimings, 50), Stats.percentile(warmTimings, 99)));
            }
            return Optional.of(results);
        } finally {
            caps.forEach(CpuCap::close);
        }
    }
}
