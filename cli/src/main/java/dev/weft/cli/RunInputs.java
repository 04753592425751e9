package dev.weft.cli;

import dev.weft.engine.RunRequest;
import dev.weft.engine.SecretResolver;
import dev.weft.model.ConfigOption;
import dev.weft.model.Flow;
import dev.weft.model.Spec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The instance's config values and the operator's secrets given on the command line. */
final class RunInputs {
  @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A config value of the instance (repeatable).")
  Map<String, String> config = new LinkedHashMap<>();

  @Option(names = "--secret", paramLabel = "KEY=VALUE", description = "A secret for $${secret.KEY} (repeatable). Never logged.")
  Map<String, String> secrets = new LinkedHashMap<>();

  /** Config values typed as the spec declares them: lists are comma-separated. */
  Map<String, Object> config(Spec spec) {
    Map<String, Object> typed = new LinkedHashMap<>();
    config.forEach((key, value) -> {
      Optional<ConfigOption> option = spec.configOption(key);
      boolean list = option.map(o -> o.type() == ConfigOption.Type.LIST).orElse(false);
      typed.put(key, list ? Arrays.stream(value.split(",")).map(String::trim).toList() : value);
    });
    return typed;
  }

  RunRequest request(Spec spec, String flowId, StateOptions state) {
    return RunRequest.of(spec, flowId).withInstance(state.instance).withConfig(config(spec)).withSecrets(SecretResolver.of(secrets));
  }

  /**
   * The request of {@code weft run} and {@code weft plan}: loads {@code file}, picks the flow (the
   * only one when {@code flow} is left out) and takes {@code input} as the payload. Empty once it
   * has said on {@code err} what is wrong.
   */
  Optional<RunRequest> request(String command, Path file, Optional<String> flow, int batch, Optional<Path> input,
      StateOptions state, PrintWriter err) {
    if (input.isPresent() && !Files.isRegularFile(input.get())) {
      err.println(command + ": no input file " + input.get());
      return Optional.empty();
    }
    Optional<Spec> loaded = SpecFiles.load(file, err);
    if (loaded.isEmpty()) return Optional.empty();
    Spec spec = loaded.get();
    Optional<String> flowId = flow.or(() -> spec.flows().size() == 1 ? Optional.of(spec.flows().get(0).id()) : Optional.empty());
    if (flowId.isEmpty()) {
      err.println(command + ": say which flow with --flow; " + file + " has "
          + String.join(", ", spec.flows().stream().map(Flow::id).toList()));
      return Optional.empty();
    }
    RunRequest request = request(spec, flowId.get(), state).withBatchSize(batch).withSpecVersion(SpecFiles.version(file));
    return Optional.of(input.isPresent() ? request.withInput(input.get()) : request);
  }
}
