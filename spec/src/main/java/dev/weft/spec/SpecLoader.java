package dev.weft.spec;

import dev.weft.model.Problem;
import dev.weft.spec.internal.Problems;
import dev.weft.spec.internal.bind.SpecBinder;
import dev.weft.spec.internal.check.SpecChecks;
import dev.weft.spec.internal.format.SpecFormat;
import dev.weft.spec.internal.format.StructureCheck;
import dev.weft.spec.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a spec file: YAML 1.2 with positions, the declared format, the model, and every semantic
 * check. Never throws for bad input; every problem comes back as a value.
 */
public final class SpecLoader {
  private SpecLoader() {}

  public static LoadResult load(Path file) {
    String name = file.toString();
    Problems problems = new Problems(name);
    try {
      if (Files.isDirectory(file)) return failed(problems, "is a directory, not a spec file");
      if (!Files.exists(file)) return failed(problems, "no such file");
      if (Files.size(file) > YamlReader.MAX_CODE_POINTS) return failed(problems, "the file is larger than 5 MB; a spec is a few hundred lines");
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
      return load(name, text);
    } catch (CharacterCodingException e) {
      return failed(problems, "not UTF-8 text");
    } catch (NoSuchFileException e) {
      return failed(problems, "no such file");
    } catch (IOException e) {
      return failed(problems, "cannot be read: " + e.getMessage());
    }
  }

  public static LoadResult load(String fileName, String yamlText) {
    Problems problems = new Problems(fileName);
    try {
      Optional<Node> root = YamlReader.read(yamlText, problems);
      if (root.isEmpty() || problems.hasErrors() && root.isEmpty()) return new LoadResult(Optional.empty(), problems.all());
      StructureCheck.check(root.get(), SpecFormat.SPEC, problems);
      if (!(root.get() instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) return new LoadResult(Optional.empty(), problems.all());
      SpecBinder.Bound bound = SpecBinder.bind(root.get(), problems);
      SpecChecks.run(bound.spec(), root.get(), bound.flowIndexes(), problems);
      return new LoadResult(problems.hasErrors() ? Optional.empty() : Optional.of(bound.spec()), problems.all());
    } catch (RuntimeException | StackOverflowError e) {
      problems.errorAt(1, 1, "", "internal error while checking this file (" + e.getClass().getSimpleName() + "): please report it");
      return new LoadResult(Optional.empty(), problems.all());
    }
  }

  private static LoadResult failed(Problems problems, String message) {
    problems.errorAt(0, 0, "", message);
    return new LoadResult(Optional.empty(), List.<Problem>copyOf(problems.all()));
  }
}
