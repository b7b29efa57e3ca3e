package com.todoapi.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The built-in assistant's date parser, chosen by measurement: each candidate's first parse in a
 * fresh JVM (the template's flags, UTC) with only its own jars on the class path, in turns so a
 * noisy moment costs every candidate alike; the median of each figure is kept. The probe is
 * {@code probe.when.FirstParse}, which also checks the English answer and tries a Spanish one.
 */
final class WhenParserChoice {
    private static final String PROBE = "com.todoapi.bench.probe.when.FirstParse";
    /** Each candidate and a class from each jar it needs; ours is a package of the shared jar every function already has. */
    private static final Map<String, List<String>> CANDIDATES = new LinkedHashMap<>();

    static {
        CANDIDATES.put("ours", List.of("com.todoapi.agent.builtin.when.WhenParser"));
        CANDIDATES.put("natty", List.of("com.joestelmach.natty.Parser", "org.antlr.runtime.Lexer",
                "net.fortuna.ical4j.model.Calendar", "org.apache.commons.lang.StringUtils", "org.apache.commons.logging.Log",
                "org.apache.commons.codec.DecoderException", "edu.emory.mathcs.backport.java.util.concurrent.TimeUnit",
                "org.slf4j.Logger"));
        CANDIDATES.put("prettytime", List.of("org.ocpsoft.prettytime.nlp.PrettyTimeParser", "org.ocpsoft.prettytime.PrettyTime"));
    }

    record Result(String candidate, double firstParseMillis, double processMillis, double classes, long addedBytes,
                  int jars, boolean englishRight, boolean spanishRight) {
    }

    private WhenParserChoice() {
    }

    static List<Result> measure(int runs) throws IOException, InterruptedException {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Path probe = location(PROBE);
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        Map<String, boolean[]> answers = new LinkedHashMap<>();
        CANDIDATES.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, List<String>> candidate : CANDIDATES.entrySet()) {
                Set<Path> classPath = new LinkedHashSet<>();
                classPath.add(probe);
                for (String className : candidate.getValue()) {
                    classPath.add(location(className));
                }
                List<String> command = new ArrayList<>(List.of(javaBinary.toString(), "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-cp",
                        String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                        PROBE, candidate.getKey()));
                long started = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(process.getInputStream().readAllBytes()).strip();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(candidate.getKey() + " probe failed: " + out);
                }
                double processMillis = (System.nanoTime() - started) / 1e6;
                String[] fields = out.lines().reduce((a, b) -> b).orElse("").split(" ");
                samples.get(candidate.getKey()).add(new double[]{Double.parseDouble(fields[0]), processMillis,
                        Double.parseDouble(fields[1])});
                answers.put(candidate.getKey(), new boolean[]{Boolean.parseBoolean(fields[2]), Boolean.parseBoolean(fields[3])});
            }
        }
        List<Result> results = new ArrayList<>();
        for (String name : CANDIDATES.keySet()) {
            List<double[]> s = samples.get(name);
            long bytes = 0;
            int jars = 0;
            for (String className : CANDIDATES.get(name)) {
                Path jar = location(className);
                bytes += name.equals("ours") ? packageBytes(jar, "com/todoapi/agent/builtin/when/") : Files.size(jar);
                jars += name.equals("ours") ? 0 : 1;
            }
            results.add(new Result(name, median(s, 0), median(s, 1), median(s, 2), bytes, jars,
                    answers.get(name)[0], answers.get(name)[1]));
        }
        return results;
    }

    static String render(List<Result> results) {
        StringBuilder table = new StringBuilder("| parser | jars added | bytes added | first parse, median (ms) | "
                + "JVM start to exit, median (ms) | classes loaded | \"tomorrow at 5pm\" | \"mañana a las 5 de la tarde\" |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            table.append(String.format("| %s | %d | %,d | %.0f | %.0f | %.0f | %s | %s |%n", r.candidate(), r.jars(), r.addedBytes(),
                    r.firstParseMillis(), r.processMillis(), r.classes(), r.englishRight() ? "right" : "wrong",
                    r.spanishRight() ? "right" : "wrong"));
        }
        return table.toString();
    }

    private static double median(List<double[]> samples, int field) {
        double[] values = samples.stream().mapToDouble(sample -> sample[field]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** The jar or classes folder a class is loaded from. */
    private static Path location(String className) {
        try {
            Class<?> type = Class.forName(className, false, WhenParserChoice.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("the bench class path lacks " + className, e);
        }
    }

    /** The bytes of one package's classes, in a jar or a classes folder. */
    private static long packageBytes(Path location, String folder) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(folder))) {
                return files.mapToLong(file -> file.toFile().length()).sum();
            }
        }
        try (ZipFile jar = new ZipFile(location.toFile())) {
            return jar.stream().filter(entry -> entry.getName().startsWith(folder) && !entry.isDirectory())
                    .mapToLong(entry -> entry.getSize()).sum();
        }
    }
}
