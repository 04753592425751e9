package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Lists, shows and replays dead letters.")
final class DlqCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("weft dlq: not in this build yet");
    return 2;
  }
}
