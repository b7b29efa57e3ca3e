package com.todoapi.agent.builtin;

import java.util.Locale;

/**
 * How close two words are: the same word in another form ("paying", "paid" and "pay"), or the
 * same word with a small typo ("grocerys", "groceires"). Used to match titles and command words.
 */
final class WordForms {
    private final Lexicon lexicon;

    WordForms(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The word without its English inflection: "paying", "paid", "pays" are "pay"; "watered" is "water". */
    String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String irregular = lexicon.irregularForm(w).orElse(null);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() <= 3) {
            return w;
        }
        String stem = w;
        if (w.endsWith("ies") && w.length() > 4) {
            stem = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ied") && w.length() > 4) {
            stem = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ing") && w.length() > 5) {
            stem = undoubled(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && w.length() > 4) {
            stem = undoubled(w.substring(0, w.length() - 2));
        } else if (w.endsWith("es") && w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")
                || w.endsWith("sses") || w.endsWith("zes"))) {
            stem = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            stem = w.substring(0, w.length() - 1);
        }
        // "take"/"taking", "bake"/"baked": compare without a final e.
        if (stem.length() > 3 && stem.endsWith("e")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    /** One typo in a word of 5 to 8 letters, two in a longer one; none in a short one ("mom" is not "mum"). */
    static int allowedTypos(int length) {
        if (length >= 9) {
            return 2;
        }
        return length >= 5 ? 1 : 0;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
    static int typos(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "shopp" is "shop", "runn" is "run"; "call" and "add" stay. */
    private static String undoubled(String stem) {
        int n = stem.length();
        if (n >= 4 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
