package dev.weft.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code weft} command. Each subcommand lives in its own class. */
@Command(
    name = "weft",
    mixinStandardHelpOptions = true,
    versionProvider = Weft.Version.class,
    description = "The integration specification, made executable.",
    subcommands = {
      ValidateCommand.class,
      SchemaCommand.class,
      DocCommand.class,
      TestCommand.class,
      RunCommand.class,
      PlanCommand.class,
      DlqCommand.class,
      ServeCommand.class,
      ServeCommand.SecretCommand.class,
      ServeCommand.ApproveCommand.class,
      TriggerCommand.class,
      InstanceCommand.class,
      RunsCommand.class,
      LogsCommand.class,
      TokenCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    })
public final class Weft {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Weft());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Weft.class.getPackage().getImplementationVersion();
      return new String[] {"weft " + (v == null ? "development build" : v)};
    }
  }
}
