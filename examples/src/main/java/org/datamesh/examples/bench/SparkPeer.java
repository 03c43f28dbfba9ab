package org.datamesh.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.datamesh.examples.cli.UsageException;

/**
 * The bench's Spark peer ({@code library-vs-spark}), built apart from the project so a normal
 * build never downloads Spark: {@code examples/spark-bench} compiles the orders work written with
 * Spark SQL's DataFrame API and writes Spark's class path into {@code target/classpath.txt}. Its
 * child JVM runs on that class path alone, nothing of the library's on it, with the module
 * openings Spark's own launcher passes on Java 17.
 *
 * <pre>{@code
 * // mvn -B -q -f examples/spark-bench/pom.xml package
 * SparkPeer spark = SparkPeer.at("examples/spark-bench/target");
 * RunFigures figures = spark.run(300_000, List.of(), "orders.csv", out, "warm.csv", log);
 * }</pre>
 */
final class SparkPeer {

  /** The Spark release the peer is built with (examples/spark-bench/pom.xml). */
  static final String VERSION = "4.2.0";

  static final String MAIN_CLASS = "org.datamesh.bench.spark.SparkOrdersRun";

  /** What Spark's launcher adds on Java 17 ({@code JavaModuleOptions}), for its reflection. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final String classPath;

  private SparkPeer(String classPath) {
    this.classPath = classPath;
  }

  /** The peer built into {@code target}; a usage error saying how to build it when it is not. */
  static SparkPeer at(String target) throws UsageException {
    Path folder = Paths.get(target).toAbsolutePath().normalize();
    Path classPathFile = folder.resolve("classpath.txt");
    Path classes = folder.resolve("classes");
    if (!Files.isRegularFile(classPathFile) || !Files.isDirectory(classes)) {
      throw new UsageException(
          "library-vs-spark needs the Spark peer, built apart so that a normal build never"
              + " downloads Spark; build it with: mvn -B -q -f examples/spark-bench/pom.xml package"
              + " (or name its target folder with --sparkPeer=DIR); " + folder + " has none");
    }
    try {
      String jars = Files.readString(classPathFile, StandardCharsets.UTF_8).strip();
      return new SparkPeer(classes + java.io.File.pathSeparator + jars);
    } catch (IOException e) {
      throw new UsageException("cannot read " + classPathFile + ": " + e.getMessage());
    }
  }

  /** One measured run of the peer in its own JVM, as {@link ChildJvm#run} measures the others. */
  RunFigures run(
      long size, List<String> jvmArgs, String input, Path output, String warmup, Path log)
      throws IOException, InterruptedException {
    return ChildJvm.run(
        RunKind.SPARK, size, jvmArgs, input, output, warmup, List.of(), log, classPath, JVM_OPTIONS);
  }
}
