package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** When the collector counts as thrashing: most of a whole window collecting a full heap. */
class GcThrashExitTest {

  private static final long MAX = 64L << 20;

  @Test
  void aWindowCollectingAFullHeapNearlyAllTheTimeIsThrashing() {
    assertThat(GcThrashExit.thrashing(19_000, 20_000, (long) (0.97 * MAX), MAX), is(true));
  }

  @Test
  void collectingLessOftenOrWithRoomLeftOrForLessThanAWindowIsNot() {
    assertThat("half the time", GcThrashExit.thrashing(10_000, 20_000, MAX, MAX), is(false));
    assertThat("room left", GcThrashExit.thrashing(19_000, 20_000, MAX / 2, MAX), is(false));
    assertThat("too short to tell", GcThrashExit.thrashing(9_900, 10_000, MAX, MAX), is(false));
    assertThat("no maximum", GcThrashExit.thrashing(19_000, 20_000, MAX, -1), is(false));
  }
}
