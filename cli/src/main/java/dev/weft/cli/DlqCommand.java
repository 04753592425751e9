package dev.weft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weft.engine.Connectors;
import dev.weft.engine.DeadLetterReplay;
import dev.weft.engine.RunStartException;
import dev.weft.model.Spec;
import dev.weft.store.DeadLetter;
import dev.weft.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft dlq list | show ID | replay [ID | --all] FILE}: the records that could not be delivered. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description = "Lists, shows and replays dead letters: records that could not be delivered.",
    subcommands = {DlqCommand.ListLetters.class, DlqCommand.ShowLetter.class, DlqCommand.ReplayLetters.class})
final class DlqCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @picocli.CommandLine.Spec CommandSpec command;

  @Override
  public Integer call() {
    command.commandLine().usage(command.commandLine().getErr());
    return 2;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the dead letters not yet replayed, oldest first.")
  static final class ListLetters implements Callable<Integer> {
    @Mixin StateOptions state = new StateOptions();

    @Option(names = "--flow", paramLabel = "ID", description = "Only this flow's.")
    Optional<String> flow = Optional.empty();

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit = 100;

    @Override
    public Integer call() {
      try (Store store = state.open()) {
        List<DeadLetter> letters = store.deadLetters().pending(state.instance, flow, limit);
        if (letters.isEmpty()) {
          System.out.println("No dead letters" + flow.map(f -> " for flow " + f).orElse("") + ".");
          return 0;
        }
        System.out.printf("%-6s %-16s %-24s %-7s %s%n", "ID", "FLOW", "POSITION", "STEP", "REASON");
        for (DeadLetter l : letters)
          System.out.printf("%-6d %-16s %-24s %-7s %s%n", l.id(), cut(l.flow(), 16), cut(l.position(), 24), l.step(), cut(l.reason(), 90));
        System.out.println();
        System.out.println(Words.count(letters.size()) + (letters.size() == 1 ? " dead letter" : " dead letters")
            + (letters.size() == limit ? " shown (there may be more: --limit)" : "")
            + ". Show one with `weft dlq show ID`; send them again with `weft dlq replay --all SPEC`.");
        return 0;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one dead letter: why it failed and the record as read.")
  static final class ShowLetter implements Callable<Integer> {
    @Mixin StateOptions state = new StateOptions();

    @Parameters(paramLabel = "ID") long id;

    @picocli.CommandLine.Spec CommandSpec command;

    @Override
    public Integer call() throws Exception {
      try (Store store = state.open()) {
        Optional<DeadLetter> found = store.deadLetters().get(id);
        if (found.isEmpty()) {
          command.commandLine().getErr().println("weft dlq show: no dead letter " + id);
          return 2;
        }
        DeadLetter l = found.get();
        System.out.println("Dead letter " + l.id() + " of flow " + l.flow() + " (instance " + l.instance() + ")");
        System.out.println("  position:  " + l.position());
        System.out.println("  step:      " + l.step());
        System.out.println("  reason:    " + l.reason());
        System.out.println("  run:       " + l.runId());
        System.out.println("  created:   " + l.createdAt());
        System.out.println("  replayed:  " + l.replayedAt().map(Object::toString).orElse("no"));
        System.out.println("Source record:");
        System.out.println(JSON.writeValueAsString(l.sourceRecord()));
        if (l.mappedRecord().isPresent()) {
          System.out.println("Mapped record:");
          System.out.println(JSON.writeValueAsString(l.mappedRecord().get()));
        }
        return 0;
      }
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Maps dead letters again with the spec as it is now and writes them to the target. "
          + "Delivered ones are marked replayed; the others keep their new reason.")
  static final class ReplayLetters implements Callable<Integer> {
    @Mixin StateOptions state = new StateOptions();

    @Mixin RunInputs inputs = new RunInputs();

    @Parameters(arity = "1..2", paramLabel = "[ID] FILE", description = "The dead letter's id (or --all), then the spec file.")
    List<String> args;

    @Option(names = "--all", description = "Every dead letter not yet replayed (of --flow, when given).")
    boolean all;

    @Option(names = "--flow", paramLabel = "ID", description = "With --all: only this flow's.")
    Optional<String> flow = Optional.empty();

    @picocli.CommandLine.Spec CommandSpec command;

    @Override
    public Integer call() {
      PrintWriter err = command.commandLine().getErr();
      if (all == (args.size() == 2)) {
        err.println("weft dlq replay: give either a dead letter id or --all, then the spec file");
        return 2;
      }
      Path file = Path.of(args.get(args.size() - 1));
      Optional<Spec> spec = SpecFiles.load(file, err);
      if (spec.isEmpty()) return 2;
      try (Store store = state.open()) {
        List<DeadLetter> letters;
        if (all) letters = store.deadLetters().pending(state.instance, flow, Integer.MAX_VALUE);
        else {
          long id;
          try {
            id = Long.parseLong(args.get(0));
          } catch (NumberFormatException e) {
            err.println("weft dlq replay: '" + args.get(0) + "' is not a dead letter id");
            return 2;
          }
          Optional<DeadLetter> one = store.deadLetters().get(id);
          if (one.isEmpty()) {
            err.println("weft dlq replay: no dead letter " + id);
            return 2;
          }
          letters = List.of(one.get());
        }
        if (letters.isEmpty()) {
          System.out.println("No dead letters to replay.");
          return 0;
        }
        var results = new DeadLetterReplay(store, Connectors.discovered())
            .replay(inputs.request(spec.get(), letters.get(0).flow(), state), letters);
        long delivered = results.stream().filter(DeadLetterReplay.Replayed::delivered).count();
        System.out.println("Replayed " + Words.count(delivered) + " of " + Words.records(results.size()) + ".");
        for (var r : results)
          if (!r.delivered()) System.out.println("  " + r.id() + " still fails: " + r.reason().orElse(""));
        return delivered == results.size() ? 0 : 1;
      } catch (RunStartException e) {
        err.println("weft dlq replay: " + e.getMessage());
        return 2;
      }
    }
  }

  private static String cut(String text, int width) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
  }
}
