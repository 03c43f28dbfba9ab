package org.datamesh.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Ends the process at once, with exit status 1 and one line on standard error, when any of its
 * threads dies of an {@link OutOfMemoryError}.
 *
 * <pre>{@code
 * OutOfMemoryExit.install(); // first thing in main
 * }</pre>
 *
 * <p>Why: a run that cannot continue must not look alive. The Direct runner logs an
 * OutOfMemoryError in its worker, rethrows it and lets the worker thread die; the pipeline then
 * waits for that worker forever (seen: a 147 MB input, logged after 9 minutes, never exited).
 * The handler halts rather than exits: shutdown hooks could wait on the same stuck threads, and
 * the JVM has no memory to spare. The line is encoded when the handler is installed, so writing
 * it allocates nothing. It is written straight to file descriptor 2: it holds no secret to
 * redact.
 */
public final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {

  /** What the process prints when it runs out of memory, caught or not. */
  public static final String MESSAGE =
      "datamesh: the run ran out of memory (OutOfMemoryError) and was stopped. Give the JVM more"
          + " memory (-Xmx), or run large inputs on the default runner, embedded Flink"
          + " (--runner=FlinkRunner): the Direct runner holds whole bundles in memory and is for"
          + " tests.";

  /**
   * Several threads often run out of memory together; the line is printed once. A plain field
   * under the class's lock, not an {@code AtomicBoolean}: its {@code compareAndSet} goes through
   * a VarHandle whose call site is linked on first use, which allocates, so on a full heap the
   * claim itself threw and the process halted with nothing printed (seen in CI, and here in about
   * one run in three with the CPUs busy).
   */
  private static boolean reported;

  /**
   * Set once the line is written, so that a second thread running out of memory halts only after
   * the first has written it: halting at once, it ended the process between the first thread's
   * claim and its write (exit status 1, nothing printed; seen once in CI). It waits at most
   * {@link #WRITE_WAIT_NANOS}: a write blocked on a full pipe must not keep the process alive.
   */
  private static volatile boolean written;

  private static final long WRITE_WAIT_NANOS = 2_000_000_000L;

  private static final byte[] LINE =
      (MESSAGE + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
  private static final FileOutputStream ERR = new FileOutputStream(FileDescriptor.err);

  private OutOfMemoryExit() {}

  /** Makes every thread's uncaught OutOfMemoryError end the process; other errors print as before. */
  public static void install() {
    try {
      // Links the native write now, while there is memory: writes nothing.
      ERR.write(LINE, 0, 0);
    } catch (IOException e) {
      // Standard error is closed: the status will still tell.
    }
    Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit());
  }

  /**
   * Whether the {@link #MESSAGE} is still to be printed, claiming it: true once in a process, for
   * the first thread to ask.
   */
  private static synchronized boolean claimReport() {
    if (reported) {
      return false;
    }
    reported = true;
    return true;
  }

  /**
   * Prints the {@link #MESSAGE} once per process, allocating nothing: a {@code PrintStream} (the
   * command's, which redacts) needs memory to format the line, and a second OutOfMemoryError
   * there lost the line while the status still said 1.
   */
  public static void report() {
    if (!claimReport()) {
      // Another thread is writing it: wait for that (a spin allocates nothing), for a while.
      long deadline = System.nanoTime() + WRITE_WAIT_NANOS;
      while (!written && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait();
      }
      return;
    }
    try {
      ERR.write(LINE);
      ERR.flush();
    } catch (Throwable ignored) {
      // Nothing more can be said; the status still tells.
    } finally {
      written = true;
    }
  }

  /** Whether {@code t} is, or was caused by, an OutOfMemoryError. Allocates nothing. */
  public static boolean isOutOfMemory(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    if (!isOutOfMemory(error)) {
      // What the JVM prints without a handler; ThreadGroup's would call this handler again.
      PrintStream stderr = System.err;
      stderr.print("Exception in thread \"" + thread.getName() + "\" ");
      error.printStackTrace(stderr);
      return;
    }
    try {
      report();
    } finally {
      Runtime.getRuntime().halt(ExitCode.RUN_FAILED);
    }
  }
}
