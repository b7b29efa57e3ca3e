package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.domain.PlainText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A task's labels: at most {@value #MAX_LABELS}, each one line of at most {@value #LABEL_MAX}
 * characters, kept as typed (trimmed), compared without regard to case (the first spelling of a
 * label given twice is kept).
 */
public final class Labels {
    public static final int MAX_LABELS = 10;
    public static final int LABEL_MAX = 50;

    private Labels() {
    }

    public static List<String> check(String field, List<String> raw) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String label : raw) {
            String typed = label == null ? "" : label.strip();
            Optional<String> unfit = PlainText.problem(typed, PlainText.Lines.ONE);
            if (typed.isEmpty()) {
                problems.add(new FieldProblem(field, "must not hold an empty label"));
            } else if (unfit.isPresent()) {
                problems.add(new FieldProblem(field, "each label " + unfit.get()));
            } else if (typed.codePointCount(0, typed.length()) > LABEL_MAX) {
                problems.add(new FieldProblem(field, "each label must be at most " + LABEL_MAX + " characters"));
            } else {
                byKey.putIfAbsent(key(typed), typed);
            }
            if (!problems.isEmpty()) {
                throw DomainException.invalid(problems);
            }
        }
        if (byKey.size() > MAX_LABELS) {
            throw DomainException.invalid(field, "must hold at most " + MAX_LABELS + " labels");
        }
        return List.copyOf(byKey.values());
    }

    /** The form two labels are compared in: NFKC, then case folded. */
    public static String key(String label) {
        return Normalizer.normalize(label.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public static boolean has(List<String> labels, String wanted) {
        String key = key(wanted);
        return labels.stream().anyMatch(label -> key(label).equals(key));
    }
}
