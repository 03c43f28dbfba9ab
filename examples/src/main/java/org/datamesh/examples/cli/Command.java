package org.datamesh.examples.cli;

import java.io.PrintStream;
import org.apache.beam.sdk.options.PipelineOptions;

/** One command of the {@code datamesh} command line. */
public interface Command {

  /** The word that selects it: {@code demo}. */
  String name();

  /** One sentence for the help. */
  String summary();

  /** Its options; their {@code @Description}s make its part of the help. */
  Class<? extends PipelineOptions> optionsType();

  /** Whether {@code --runner} and other Beam options apply to it (so the help lists them). */
  default boolean takesBeamOptions() {
    return true;
  }

  /**
   * Runs the command and returns its exit status.
   *
   * @throws UsageException for anything the user must fix in the command line
   */
  int run(String[] args, PrintStream out) throws UsageException, Exception;
}
