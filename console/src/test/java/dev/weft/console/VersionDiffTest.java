package dev.weft.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VersionDiffTest {
  @Test
  void a_changed_line_pairs_old_and_new_with_their_line_numbers() {
    List<VersionDiff.Row> rows = VersionDiff.sideBySide("a\nb\nc\n", "a\nB\nc\n");
    assertThat(rows).contains(new VersionDiff.Row("changed", 2, "b", 2, "B"));
    assertThat(rows).contains(new VersionDiff.Row("same", 1, "a", 1, "a"), new VersionDiff.Row("same", 3, "c", 3, "c"));
  }

  @Test
  void added_and_removed_lines_keep_the_numbers_of_both_sides_in_step() {
    List<VersionDiff.Row> rows = VersionDiff.sideBySide("a\nb\nc", "a\nc\nd");
    assertThat(rows).containsExactly(
        new VersionDiff.Row("same", 1, "a", 1, "a"),
        new VersionDiff.Row("removed", 2, "b", 0, ""),
        new VersionDiff.Row("same", 3, "c", 2, "c"),
        new VersionDiff.Row("added", 0, "", 3, "d"));
  }

  @Test
  void long_unchanged_stretches_fold_into_one_gap_row() {
    String old = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    String changed = old.replace("line 20", "line twenty");
    List<VersionDiff.Row> rows = VersionDiff.sideBySide(old, changed);
    assertThat(rows.get(0)).isEqualTo(new VersionDiff.Row("gap", 0, "16 unchanged lines", 0, ""));
    assertThat(rows.stream().filter(r -> !r.gap()).count()).isEqualTo(1 + 2 * VersionDiff.CONTEXT);
    assertThat(rows.get(rows.size() - 1).oldText()).isEqualTo("17 unchanged lines");
  }

  @Test
  void the_same_text_has_no_rows() {
    assertThat(VersionDiff.sideBySide("a\nb", "a\nb")).isEmpty();
  }
}
