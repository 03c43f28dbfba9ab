package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.sameInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What runners print while a product runs stays off the console, and is kept for a failure. */
class QuietConsoleTest {

  private PrintStream realOut;
  private PrintStream realErr;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void captureTheConsole() {
    realOut = System.out;
    realErr = System.err;
    PrintStream stream = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(stream);
    System.setErr(stream);
  }

  @AfterEach
  void restoreTheConsole() {
    System.setOut(realOut);
    System.setErr(realErr);
  }

  @Test
  void holdsBackWhatIsPrintedAndKeepsItsLastLines() {
    PrintStream before = System.out;
    QuietConsole quiet = QuietConsole.unless(false);
    System.out.println("[main] WARN FlinkRunner - set fasterCopy");
    System.err.println("Pekko: Could not addJvmShutdownHook");
    System.err.print("no line end");
    quiet.close();

    assertThat(console.toString(StandardCharsets.UTF_8), equalTo(""));
    assertThat(
        quiet.lastLines(),
        contains(
            "[main] WARN FlinkRunner - set fasterCopy",
            "Pekko: Could not addJvmShutdownHook",
            "no line end"));
    assertThat("put back on close", System.out, sameInstance(before));
  }

  @Test
  void keepsOnlyTheLastLines() {
    QuietConsole quiet = QuietConsole.unless(false);
    for (int i = 0; i < QuietConsole.KEPT_LINES + 25; i++) {
      System.out.println("line " + i);
    }
    quiet.close();
    assertThat(quiet.lastLines(), hasSize(QuietConsole.KEPT_LINES));
    assertThat(quiet.lastLines().get(0), equalTo("line 25"));
  }

  @Test
  void verboseChangesNothing() {
    QuietConsole quiet = QuietConsole.unless(true);
    System.out.println("shown");
    quiet.close();
    assertThat(console.toString(StandardCharsets.UTF_8), equalTo("shown\n"));
    assertThat(quiet.lastLines(), empty());
  }
}
