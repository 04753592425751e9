package dev.weft.console;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two spec texts, side by side: unchanged lines around each change are kept
 * ({@link #CONTEXT} of them), longer unchanged stretches fold into one gap row.
 */
final class VersionDiff {
  static final int CONTEXT = 3;

  private VersionDiff() {}

  /** One row: the old line (number 0 when none) and the new line; {@code kind} is same, removed, added, changed or gap. */
  public record Row(String kind, int oldNumber, String oldText, int newNumber, String newText) {
    public boolean gap() {
      return kind.equals("gap");
    }
  }

  static List<Row> sideBySide(String oldText, String newText) {
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Row> all = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      Chunk<String> source = delta.getSource();
      Chunk<String> target = delta.getTarget();
      while (i < source.getPosition()) {
        all.add(new Row("same", i + 1, a.get(i), j + 1, b.get(j)));
        i++;
        j++;
      }
      int n = Math.max(source.size(), target.size());
      for (int k = 0; k < n; k++) {
        boolean hasOld = k < source.size();
        boolean hasNew = k < target.size();
        String kind = hasOld && hasNew ? "changed" : hasOld ? "removed" : "added";
        all.add(new Row(kind, hasOld ? i + k + 1 : 0, hasOld ? source.getLines().get(k) : "", hasNew ? j + k + 1 : 0,
            hasNew ? target.getLines().get(k) : ""));
      }
      i += source.size();
      j += target.size();
    }
    while (i < a.size()) {
      all.add(new Row("same", i + 1, a.get(i), j + 1, b.get(j)));
      i++;
      j++;
    }
    return folded(all);
  }

  private static List<Row> folded(List<Row> all) {
    boolean[] keep = new boolean[all.size()];
    for (int k = 0; k < all.size(); k++)
      if (!all.get(k).kind().equals("same"))
        for (int m = Math.max(0, k - CONTEXT); m <= Math.min(all.size() - 1, k + CONTEXT); m++) keep[m] = true;
    List<Row> out = new ArrayList<>();
    int skipped = 0;
    for (int k = 0; k < all.size(); k++) {
      if (keep[k]) {
        if (skipped > 0) out.add(gap(skipped));
        skipped = 0;
        out.add(all.get(k));
      } else skipped++;
    }
    if (skipped > 0 && !out.isEmpty()) out.add(gap(skipped));
    return out;
  }

  private static Row gap(int lines) {
    return new Row("gap", 0, lines + (lines == 1 ? " unchanged line" : " unchanged lines"), 0, "");
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
  }
}
