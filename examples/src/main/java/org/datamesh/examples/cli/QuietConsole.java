package org.datamesh.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps what the runners and libraries print (Flink's and Pekko's notices, Hadoop's configuration
 * warnings, log lines) off the console while a pipeline runs, and keeps its last lines, so a run
 * that fails can still show them. The command's own output goes to a stream it holds, untouched.
 *
 * <pre>{@code
 * try (QuietConsole quiet = QuietConsole.unless(options.getVerbose())) {
 *   state = pipeline.run().waitUntilFinish();
 * } catch (RuntimeException e) {
 *   quiet.lastLines().forEach(err::println);
 * }
 * }</pre>
 *
 * <p>It replaces {@code System.out} and {@code System.err}, which SLF4J's simple logger and the
 * runners write to, and puts them back on close. Not for concurrent use: one quiet section at a
 * time per process.
 */
public final class QuietConsole implements AutoCloseable {

  /** How many of the last lines are kept. */
  static final int KEPT_LINES = 60;

  private final PrintStream out;
  private final PrintStream err;
  private final Lines lines;

  private QuietConsole(PrintStream out, PrintStream err, Lines lines) {
    this.out = out;
    this.err = err;
    this.lines = lines;
  }

  /** Quiets the console until closed, unless {@code verbose}, when it changes nothing. */
  public static QuietConsole unless(boolean verbose) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (verbose) {
      return new QuietConsole(out, err, null);
    }
    Lines lines = new Lines();
    PrintStream sink = new PrintStream(lines, true, StandardCharsets.UTF_8);
    System.setOut(sink);
    System.setErr(sink);
    return new QuietConsole(out, err, lines);
  }

  /** The last lines printed while quiet; empty when nothing was held back. */
  public List<String> lastLines() {
    return lines == null ? List.of() : lines.last();
  }

  @Override
  public void close() {
    if (lines != null) {
      System.out.flush();
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** Collects lines, keeping only the last {@link #KEPT_LINES}. */
  private static final class Lines extends OutputStream {
    private final Deque<String> kept = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        keep();
      } else if (line.size() < 4096) {
        line.write(b);
      }
    }

    private void keep() {
      kept.addLast(line.toString(StandardCharsets.UTF_8));
      line.reset();
      if (kept.size() > KEPT_LINES) {
        kept.removeFirst();
      }
    }

    synchronized List<String> last() {
      List<String> all = new ArrayList<>(kept);
      if (line.size() > 0) {
        all.add(line.toString(StandardCharsets.UTF_8));
      }
      return all;
    }
  }
}
