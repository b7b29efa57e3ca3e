package com.todoapi.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The memory-size benchmark caps a JVM's CPU where the machine lets it, and says so where it does not. */
class MemorySizesTest {

    @Test
    void aLaunchedProcessRunsInsideItsCappedGroup() throws Exception {
        Optional<CpuCap> cap = CpuCap.forMemory(885);
        if (cap.isEmpty()) {
            assertThat(machineHasWritableCgroup()).as("no cap although the machine has a writable cgroup").isFalse();
            return;
        }
        try (CpuCap half = cap.get()) {
            List<String> command = new ArrayList<>(half.launcher());
            command.addAll(List.of("cat", "/proc/self/cgroup"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String groups = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).isZero();
            assertThat(groups).contains("todo-bench-" + ProcessHandle.current().pid() + "-885");
        }
    }

    @Test
    void measuresASizeOrReportsThatItCannot() throws Exception {
        Optional<List<MemorySizes.Result>> results = new MemorySizes(Path.of("..").toAbsolutePath().normalize())
                .measure(new ColdStarts.Case("GetTaskFunction", "tasks-get.json"), List.of(885), 1, 5);

        assertThat(results.isPresent()).isEqualTo(machineHasWritableCgroup());
        results.ifPresent(sizes -> {
            MemorySizes.Result half = sizes.getFirst();
            assertThat(half.memoryMb()).isEqualTo(885);
            assertThat(half.vcpus()).isCloseTo(0.5, offset(0.01));
            assertThat(half.coldMillis()).isPositive();
            assertThat(half.warmP50()).isPositive().isLessThanOrEqualTo(half.warmP99());
            assertThat(MemorySizeTable.render(sizes)).contains("| 885 | 0.50 |");
        });
    }

    private static boolean machineHasWritableCgroup() throws IOException {
        Path v1 = Path.of("/sys/fs/cgroup/cpu/cgroup.procs");
        Path v2 = Path.of("/sys/fs/cgroup/cgroup.controllers");
        return Files.isWritable(v1)
                || (Files.isReadable(v2) && Files.readString(v2).contains("cpu")
                && Files.isWritable(Path.of("/sys/fs/cgroup/cgroup.subtree_control")));
    }
}
