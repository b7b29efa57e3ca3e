package com.todoapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Lambda's CPU for a memory size, imitated with a Linux control group: Lambda gives a function
 * CPU in proportion to its memory, one full vCPU at 1,769 MB. Needs a writable cgroup cpu
 * controller (v1's CFS quota or v2's cpu.max), which root has on Linux; elsewhere there is none.
 */
final class CpuCap implements AutoCloseable {
    static final int FULL_VCPU_MB = 1769;
    private static final int PERIOD_MICROS = 100_000;
    private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
    private static final Path V2 = Path.of("/sys/fs/cgroup");

    private final Path group;

    private CpuCap(Path group) {
        this.group = group;
    }

    /** The vCPUs Lambda gives a function of this size. */
    static double vcpus(int memoryMb) {
        return (double) memoryMb / FULL_VCPU_MB;
    }

    /** A new group capped for {@code memoryMb}, or empty where this machine has no cgroup to write. */
    static Optional<CpuCap> forMemory(int memoryMb) {
        long quota = Math.round(PERIOD_MICROS * vcpus(memoryMb));
        String name = "todo-bench-" + ProcessHandle.current().pid() + "-" + memoryMb;
        try {
            if (Files.isWritable(V1.resolve("cgroup.procs"))) {
                Path group = Files.createDirectories(V1.resolve(name));
                Files.writeString(group.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_MICROS));
                Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                return Optional.of(new CpuCap(group));
            }
            if (Files.readString(V2.resolve("cgroup.controllers")).contains("cpu")) {
                Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
                Path group = Files.createDirectories(V2.resolve(name));
                Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
                return Optional.of(new CpuCap(group));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A launcher that moves the process into this group, then runs the command after it. */
    List<String> launcher() {
        return List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", group.resolve("cgroup.procs").toString());
    }

    @Override
    public void close() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(group); // a control group goes with rmdir once its processes have exited
                return;
            } catch (IOException stillBusy) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        System.err.println("warning: could not remove the control group " + group);
    }
}
