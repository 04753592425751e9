package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code docs/cli.md} is generated from the commands' own help, so the reference cannot drift.
 * Rewrite it with {@code -Dweft.updateDocs=true} (or {@code WEFT_UPDATE_DOCS=1}).
 */
class CliReferenceTest {
  private static final Path REFERENCE = Path.of("..", "docs", "cli.md");

  @Test
  void theCheckedInReferenceIsTheCommandsHelp() throws Exception {
    String generated = reference();
    if (Boolean.getBoolean("weft.updateDocs") || System.getenv("WEFT_UPDATE_DOCS") != null) {
      Files.writeString(REFERENCE, generated);
    }
    assertThat(REFERENCE).as("docs/cli.md; regenerate with -Dweft.updateDocs=true").hasContent(generated);
  }

  @Test
  void everyCommandIsInTheReference() throws Exception {
    String reference = reference();
    for (String name : Weft.commandLine().getSubcommands().keySet())
      if (!name.equals("help")) assertThat(reference).contains("## weft " + name);
  }

  static String reference() {
    StringBuilder md = new StringBuilder();
    md.append("# The weft command\n\n")
        .append("Generated from the commands' own help by `CliReferenceTest`; `weft <command> --help` shows the same.\n\n");
    append(md, Weft.commandLine(), "weft", true);
    return md.toString();
  }

  private static void append(StringBuilder md, CommandLine command, String name, boolean top) {
    if (!top) md.append("## ").append(name).append("\n\n");
    md.append("```\n").append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
    command.getSubcommands().forEach((sub, cli) -> {
      if (cli.getCommandSpec().usageMessage().hidden() || sub.equals("help")) return;
      if (cli.getCommandSpec().name().equals(sub)) append(md, cli, name + " " + sub, false);
    });
  }
}
