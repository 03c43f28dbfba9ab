package org.datamesh.examples.bench;

import java.nio.file.Paths;

/**
 * Child JVM main: the single-threaded plain-Java baseline ({@link PlainJavaOrders}).
 *
 * <pre>{@code
 * java -cp CP org.datamesh.examples.bench.PlainJavaRun in.csv out warm.csv
 * }</pre>
 */
public final class PlainJavaRun {

  private PlainJavaRun() {}

  public static void main(String[] args) {
    ChildRun.main(
        "plain-java", args, (input, output, beamArgs) -> PlainJavaOrders.run(Paths.get(input), output));
  }
}
