package dev.weft.cli;

import dev.weft.mapping.Coercion;
import dev.weft.mapping.SpecTestResult;
import dev.weft.mapping.SpecTestRunner;
import dev.weft.model.ConfigOption;
import dev.weft.model.Problem;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft test FILE}: runs the example records of a spec's {@code tests} through their flows' map rows. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Runs the example records in a spec's tests section; exits 0 only when all pass.")
final class TestCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The spec file (YAML).")
  Path file;

  @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A config value the flows see as $config.KEY (repeatable).")
  Map<String, String> config = new LinkedHashMap<>();

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    LoadResult loaded = SpecLoader.load(file);
    for (Problem problem : loaded.problems()) err.println(problem.format());
    if (!loaded.ok() || loaded.spec().isEmpty()) {
      err.flush();
      return 1;
    }
    Spec spec = loaded.spec().get();
    Map<String, Object> settings;
    try {
      settings = typed(spec, config);
    } catch (IllegalArgumentException e) {
      err.println("weft test: " + e.getMessage());
      err.flush();
      return 1;
    }
    List<SpecTestResult> results = SpecTestRunner.run(spec, settings);
    int failed = 0;
    for (SpecTestResult result : results) {
      if (result.passed()) {
        out.println("PASS " + result.name());
      } else {
        failed++;
        out.println("FAIL " + result.name() + " (flow " + result.flow() + ")");
        for (String line : result.explanation()) out.println("  " + line);
      }
      for (String note : result.notes()) out.println("  note: " + note);
    }
    if (results.isEmpty()) out.println("no tests in " + file);
    out.println((results.size() - failed) + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  /** Config values typed as the spec declares them (numbers, booleans, lists), so JSONata compares them rightly. */
  private static Map<String, Object> typed(Spec spec, Map<String, String> given) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String key = entry.getKey();
      String text = entry.getValue();
      Optional<ConfigOption> option = spec.configOption(key);
      if (option.isEmpty()) {
        String declared = spec.config().stream().map(ConfigOption::key).collect(java.util.stream.Collectors.joining(", "));
        throw new IllegalArgumentException(
            "--config " + key + ": the spec declares no such config option" + (declared.isEmpty() ? "" : " (declared: " + declared + ")"));
      }
      Object value = text;
      if (option.isPresent()) {
        try {
          value = switch (option.get().type()) {
            case NUMBER -> Coercion.toBigDecimal(text);
            case BOOLEAN -> Coercion.toBoolean(text);
            case LIST -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            default -> text;
          };
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--config " + key + ": " + e.getMessage());
        }
      }
      settings.put(key, value);
    }
    return settings;
  }
}
