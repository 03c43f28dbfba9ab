package org.datamesh.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A process in the state a Direct-runner run is left in when the runner keeps an
 * OutOfMemoryError to itself: its heap filled once, its workers parked for good (or, given {@code
 * spinning}, busy for good without evaluating anything), nothing reported. {@link DirectRunnerStallExitTest} starts it and expects the watch to end it.
 */
public final class StalledRunMain {

  private StalledRunMain() {}

  public static void main(String[] args) throws Exception {
    List<long[]> filling = new ArrayList<>();
    try {
      while (true) {
        filling.add(new long[64 * 1024]);
      }
    } catch (OutOfMemoryError e) {
      filling = null; // kept to itself, as the runner's future keeps it
    }
    for (int i = 0; i < 2; i++) {
      Runnable stall = args.length > 0 && args[0].equals("spinning") ? StalledRunMain::spin : LockSupport::park;
      Thread worker = new Thread(stall, "direct-runner-worker");
      worker.setDaemon(true);
      worker.start();
    }
    DirectRunnerStallExit.start();
    Thread.sleep(120_000);
    System.exit(0); // not ended by the watch
  }

  /** Busy without end, as the runner's scheduling loop is when a bundle's failure was lost. */
  private static void spin() {
    long turns = 0;
    while (turns >= 0) {
      turns++;
      Thread.onSpinWait();
    }
  }
}
