package dev.weft.cli;

import dev.weft.doc.SpecDocument;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code weft doc FILE [--format md|html] [-o OUT]}: the spec as the filled-in Integration Specification. */
@Command(
    name = "doc",
    mixinStandardHelpOptions = true,
    description = {
      "Renders a spec as the filled-in Integration Specification document.",
      "Markdown with a Mermaid data-flow diagram, or one self-contained HTML page with an SVG diagram.",
      "Literal secrets are never shown. Exit status 1 when the spec has errors (they are printed)."
    })
final class DocCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec(Target.SELF)
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "FILE", description = "The spec file (YAML).")
  Path file;

  @Option(names = {"-f", "--format"}, paramLabel = "md|html",
      description = "md (default) or html; when omitted, an -o name ending in .html or .htm picks html.")
  Optional<String> format = Optional.empty();

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the document here instead of to standard output.")
  Optional<Path> output = Optional.empty();

  @Override
  public Integer call() throws IOException {
    boolean html = html();
    String unreadable = Files.isDirectory(file) ? "is a directory, not a spec file"
        : !Files.exists(file) ? "no such file"
        : !Files.isReadable(file) ? "cannot be read (permission denied)" : null;
    if (unreadable != null) {
      System.err.println(file + ": " + unreadable);
      return 1;
    }
    LoadResult result = SpecLoader.load(file);
    result.problems().forEach(p -> System.err.println(p.format()));
    if (!result.ok() || result.spec().isEmpty()) return 1;
    Spec spec = result.spec().get();
    String document = html ? SpecDocument.html(spec) : SpecDocument.markdown(spec);
    if (output.isPresent()) {
      Path out = output.get().toAbsolutePath();
      if (out.getParent() != null) Files.createDirectories(out.getParent());
      Files.writeString(out, document, StandardCharsets.UTF_8);
      System.err.println("wrote " + output.get());
    } else {
      // The document holds arrows and bullets: write UTF-8 whatever the platform's default.
      PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      stdout.print(document);
      stdout.flush();
    }
    return 0;
  }

  private boolean html() {
    if (format.isPresent()) {
      return switch (format.get().toLowerCase(Locale.ROOT)) {
        case "md", "markdown" -> false;
        case "html" -> true;
        default -> throw new ParameterException(command.commandLine(),
            "--format must be md or html, not '" + format.get() + "'");
      };
    }
    String name = output.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)).orElse("");
    return name.endsWith(".html") || name.endsWith(".htm");
  }
}
