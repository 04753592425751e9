package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weft.model.Problem;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft validate FILE...}: every problem as FILE:LINE:COL: PATH: MESSAGE; exit 0 when all are valid. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks specs and prints every problem as FILE:LINE:COL: PATH: MESSAGE.",
      "Exit status 0 when every file is valid (warnings do not fail), 1 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spec files (YAML).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--json", description = "Print the problems as JSON on standard output.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    boolean allValid = true;
    List<Map<String, Object>> report = new ArrayList<>();
    for (Path file : files) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", file.toString());
      String unreadable = Files.isDirectory(file) ? "is a directory, not a spec file"
          : !Files.exists(file) ? "no such file"
          : !Files.isReadable(file) ? "cannot be read (permission denied)" : null;
      if (unreadable != null) {
        allValid = false;
        entry.put("valid", false);
        entry.put("error", unreadable);
        entry.put("problems", List.of());
        report.add(entry);
        if (!json) System.err.println(file + ": " + unreadable);
        continue;
      }
      LoadResult result = SpecLoader.load(file);
      allValid &= result.ok();
      entry.put("valid", result.ok());
      entry.put("problems", result.problems().stream().map(ValidateCommand::asMap).toList());
      report.add(entry);
      if (!json) {
        result.problems().forEach(p -> System.err.println(p.format()));
        if (result.ok()) System.out.println(file + ": valid");
      }
    }
    if (json) {
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Map.of("valid", allValid, "files", report)));
    }
    return allValid ? 0 : 1;
  }

  private static Map<String, Object> asMap(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
    m.put("file", p.position().file());
    m.put("line", p.position().line());
    m.put("column", p.position().column());
    m.put("path", p.path());
    m.put("message", p.message());
    p.suggestion().ifPresent(s -> m.put("suggestion", s));
    return m;
  }
}
