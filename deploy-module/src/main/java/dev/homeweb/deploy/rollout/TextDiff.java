package dev.homeweb.deploy.rollout;

import java.util.ArrayList;
import java.util.List;

/** A line diff for plans: {@code -} removed, {@code +} added, unchanged lines left out. */
final class TextDiff {
    private TextDiff() {}

    static List<String> diff(String before, String after) {
        var a = before.lines().toList();
        var b = after.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] =
                        a.get(i).equals(b.get(j))
                                ? lcs[i + 1][j + 1] + 1
                                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var out = new ArrayList<String>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("-" + a.get(i++));
            } else {
                out.add("+" + b.get(j++));
            }
        }
        while (i < a.size()) {
            out.add("-" + a.get(i++));
        }
        while (j < b.size()) {
            out.add("+" + b.get(j++));
        }
        return out;
    }
}
