package dev.weft.cli;

import dev.weft.engine.RunRequest;
import dev.weft.engine.SecretResolver;
import dev.weft.model.ConfigOption;
import dev.weft.model.Spec;
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
}
