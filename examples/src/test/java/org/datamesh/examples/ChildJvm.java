package org.datamesh.examples;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line for a JVM a test starts (a {@code run}, a broker, a cluster node).
 *
 * <p>Why C1 only: these JVMs live seconds to minutes, and on 2 cores the C2 compiler's threads
 * compete with the work itself. Measured on a 300-order {@code run} on embedded Flink (3 pairs):
 * CPU 15.6 s instead of 29.6 s, wall 12.2 s instead of 16.0 s. Not for what times the product
 * (the bench's children, the demo the README quotes), which run as users run them.
 */
public final class ChildJvm {

  /** The flag that keeps a JVM to the C1 compiler. */
  public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  private ChildJvm() {}

  /**
   * The JDK packages Flink's serializers reach into when a streaming job checkpoints, opened as
   * datamesh.jar's manifest opens them ({@code Add-Opens}); a JVM started with {@code -cp} needs
   * them as flags.
   */
  public static final List<String> FLINK_OPENS =
      List.of(
          "java.lang", "java.lang.reflect", "java.io", "java.net", "java.nio", "sun.nio.ch",
          "java.text", "java.time", "java.util", "java.util.concurrent",
          "java.util.concurrent.atomic", "java.util.concurrent.locks");

  /**
   * {@code java -XX:TieredStopAtLevel=1 -Xmx<heap>} with {@link #FLINK_OPENS}, from the JDK
   * running the tests.
   */
  public static List<String> java(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add(C1_ONLY);
    command.add("-Xmx" + heap);
    for (String pkg : FLINK_OPENS) {
      command.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
    }
    return command;
  }
}
