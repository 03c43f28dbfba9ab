package org.datamesh.examples.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.datamesh.examples.bench.BenchCommand;
import org.datamesh.examples.bench.BenchReportCommand;
import org.datamesh.examples.contract.ProfileCommand;
import org.datamesh.examples.contract.RunCommand;
import org.datamesh.examples.contract.ValidateContractCommand;
import org.datamesh.examples.demo.DemoCommand;
import org.datamesh.examples.kafka.IngestLogCommand;
import org.datamesh.examples.kafka.StreamCommand;
import org.datamesh.examples.keys.KeysCommand;
import org.datamesh.examples.read.ReadCommand;
import org.datamesh.examples.sla.SlaCommand;

/**
 * {@code java -jar datamesh.jar <command> [--option=value ...]}: runs one command and exits with
 * its status ({@link ExitCode}). Usage errors print one line, never a stack trace; set {@code
 * DATAMESH_DEBUG=1} to see the stack trace of a failed run.
 *
 * <p>A run that runs out of memory, in any thread, ends with exit status 1 and one line saying
 * what to do ({@link OutOfMemoryExit}).
 *
 * <p>Secrets given on the command line (object-store credentials, passwords; see {@link
 * SecretNames} for the rule) are blanked out of everything the process prints: its own messages,
 * stack traces and, through {@code System.out} and {@code System.err}, every log line.
 */
public final class DatameshCli {

  private static final List<Command> COMMANDS =
      List.of(
          new DemoCommand(),
          new RunCommand(),
          new ValidateContractCommand(),
          new ProfileCommand(),
          new KeysCommand(),
          new ReadCommand(),
          new SlaCommand(),
          new IngestLogCommand(),
          new StreamCommand(),
          new BenchCommand(),
          new BenchReportCommand());

  private DatameshCli() {}

  public static void main(String[] args) {
    // First: a thread dying of OutOfMemoryError anywhere must end the process, not leave it hung.
    OutOfMemoryExit.install();
    // And so must a heap so full that the collector runs nearly all the time: G1 never gives up.
    GcThrashExit.start();
    // Before anything logs: SLF4J's simple logger writes to whatever System.err is at the time.
    SecretValues secrets = SecretValues.of(args);
    PrintStream out = RedactedStream.over(System.out, secrets);
    PrintStream err = RedactedStream.over(System.err, secrets);
    System.setOut(out);
    System.setErr(err);
    // Already redacting: runCommand, not run, which would wrap them a second time.
    int status = runCommand(args, out, err);
    out.flush();
    err.flush();
    if (System.getenv("DATAMESH_DEBUG") == null) {
      // What prints after the command is the runners' shutdown (Pekko's "Could not add
      // JvmShutdownHook" when Flink's actor system stops with the JVM): noise, not our output.
      PrintStream closed = new PrintStream(OutputStream.nullOutputStream());
      System.setOut(closed);
      System.setErr(closed);
    }
    System.exit(status);
  }

  /**
   * Runs the command line and returns the exit status, printing to {@code out} and {@code err}
   * with the command line's secrets blanked out.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    SecretValues secrets = SecretValues.of(args);
    PrintStream redactedOut = RedactedStream.over(out, secrets);
    PrintStream redactedErr = RedactedStream.over(err, secrets);
    try {
      return runCommand(args, redactedOut, redactedErr);
    } finally {
      redactedOut.flush();
      redactedErr.flush();
    }
  }

  private static int runCommand(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0])) {
      Help.print(COMMANDS, out);
      return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
    }
    Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
    if (command.isEmpty()) {
      err.println("datamesh: unknown command '" + args[0] + "'; run with --help to list commands");
      return ExitCode.USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(rest).anyMatch(DatameshCli::isHelp)) {
      Help.print(List.of(command.get()), out);
      return ExitCode.OK;
    }
    try {
      return command.get().run(rest, out);
    } catch (UsageException e) {
      err.println("datamesh " + args[0] + ": " + e.getMessage());
      e.details().forEach(detail -> err.println("  " + detail));
      return ExitCode.USAGE;
    } catch (Exception e) {
      if (OutOfMemoryExit.isOutOfMemory(e)) {
        // The same line as an OutOfMemoryError in another thread, and only once.
        OutOfMemoryExit.report();
        return ExitCode.RUN_FAILED;
      }
      err.println("datamesh " + args[0] + ": the run failed: " + RootCause.describe(e));
      if (System.getenv("DATAMESH_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return ExitCode.RUN_FAILED;
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }
}
