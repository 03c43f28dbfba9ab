package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldPointTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void doesNothingWithoutAHoldOrWithAHoldElsewhere() {
    HoldPoint.reach(HoldPoint.RETENTION, null, null, err);
    HoldPoint.reach(HoldPoint.RETENTION, HoldPoint.MANIFEST_RENAME, null, err);

    assertThat(printed.toString(StandardCharsets.UTF_8), equalTo(""));
  }

  @Test
  void printsItsMarkerAndHoldsUntilTheReleaseFileExists() throws Exception {
    Path release = dir.resolve("release");
    Thread run =
        new Thread(
            () ->
                HoldPoint.reach(
                    HoldPoint.MANIFEST_LOCK, HoldPoint.MANIFEST_LOCK, release.toString(), err));
    run.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (printed.size() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    run.join(200);
    assertThat("still holding", run.isAlive(), is(true));

    Files.createFile(release);
    run.join(TimeUnit.SECONDS.toMillis(10));

    assertThat("released", run.isAlive(), is(false));
    assertThat(
        printed.toString(StandardCharsets.UTF_8),
        equalTo("datamesh: holding at manifest-lock" + System.lineSeparator()));
  }
}
