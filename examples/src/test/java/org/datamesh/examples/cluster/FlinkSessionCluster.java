package org.datamesh.examples.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real Flink session cluster on this machine: a JobManager and a TaskManager, each its own JVM
 * on loopback with free ports, started from the test's class path (the Flink jars the Beam runner
 * brings), so no Flink download is needed. The recipe is the one Flink's shell scripts follow.
 *
 * <pre>{@code
 * try (FlinkSessionCluster cluster = FlinkSessionCluster.start(dir)) {
 *   datamesh run ... --runner=FlinkRunner --flinkMaster=cluster.master()
 * }
 * }</pre>
 *
 * <p>{@link #start} returns once the REST API's {@code /overview} shows one TaskManager, within
 * {@link #STARTUP}; otherwise it fails with both processes' logs. The processes always end with
 * the cluster: {@link #close}, a failed start, and, should the test JVM be stopped before either,
 * a shutdown hook kill them and wait for them to be gone.
 */
public final class FlinkSessionCluster implements AutoCloseable {

  /** Measured at about 5 s on 2 busy cores; the rest is margin. */
  static final Duration STARTUP = Duration.ofSeconds(90);

  private final int restPort;
  private final Path dir;
  private final Path conf;
  private final List<ClusterProcess> processes = new ArrayList<>();
  /** TaskManagers killed by a test: gone, kept for their logs. */
  private final List<ClusterProcess> killed = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopQuietly, "flink-test-cluster-stop");
  /**
   * Worked out for the first TaskManager and kept for its replacements: it depends only on the
   * memory settings in {@link #conf}, written once, and each working out is a JVM run of its own.
   */
  private TaskManagerResources taskManagerResources;

  private FlinkSessionCluster(int restPort, Path dir, Path conf) {
    this.restPort = restPort;
    this.dir = dir;
    this.conf = conf;
  }

  /** Starts a JobManager and a TaskManager of two slots, logging and configured in {@code dir}. */
  public static FlinkSessionCluster start(Path dir) throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    int rpcPort = freePort();
    int restPort = freePort();
    Files.writeString(
        conf.resolve("config.yaml"),
        String.join(
            "\n",
            "jobmanager.rpc.address: localhost",
            "jobmanager.rpc.port: " + rpcPort,
            "jobmanager.bind-host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.host: 127.0.0.1",
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            "rest.port: " + restPort,
            "jobmanager.memory.process.size: 1024m",
            "taskmanager.memory.process.size: 2048m",
            "taskmanager.numberOfTaskSlots: 2",
            // Flink's default network share (a tenth of the process) left 399 buffers where the
            // product's job asked for 512 (its shuffles to the deduplication shards and the
            // commit). 256 MB (8,192 buffers of 32 KB) once left 499 free when a task asked for
            // 512, the job's other tasks holding the rest: 512 MB, 16,384 buffers.
            "taskmanager.memory.network.min: 512m",
            "taskmanager.memory.network.max: 512m",
            "parallelism.default: 2",
            // A TaskManager killed by a test is noticed in seconds, not the default 50 s.
            "heartbeat.interval: 2000",
            "heartbeat.timeout: 20000",
            // A job that lost its TaskManager retries every 2 s until a new one offers slots.
            "restart-strategy.type: fixed-delay",
            "restart-strategy.fixed-delay.attempts: 1000",
            "restart-strategy.fixed-delay.delay: 2 s",
            // The cluster's own class path already holds every class of the job (the same
            // jars), so the job's classes are taken from it. Flink's default, child-first, loads
            // Beam again from the staged jars beside the cluster's copy, and Jackson then finds a
            // module of one copy that is "not a subtype" of the other's Module.
            "classloader.resolve-order: parent-first",
            "io.tmp.dirs: " + Files.createDirectories(dir.resolve("flink-tmp")),
            ""),
        StandardCharsets.UTF_8);
    List<String> configDir = List.of("--configDir", conf.toString());

    FlinkSessionCluster cluster = new FlinkSessionCluster(restPort, dir, conf);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.processes.add(
          ClusterProcess.start(
              "jobmanager", dir, List.of("-Xmx768m"),
              "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", configDir));
      cluster.processes.add(cluster.taskManager("taskmanager"));
      cluster.awaitTaskManagers(1);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  private ClusterProcess taskManager(String name) throws Exception {
    if (taskManagerResources == null) {
      taskManagerResources = TaskManagerResources.compute(dir, conf);
    }
    List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
    args.addAll(taskManagerResources.dynamicProperties());
    return ClusterProcess.start(
        name, dir, taskManagerResources.jvmFlags(), "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", args);
  }

  /**
   * Kills the TaskManager (SIGKILL, as a machine failing would: its tasks die with it) and waits
   * until the JobManager has noticed it gone.
   */
  public void killTaskManager() throws Exception {
    ClusterProcess taskManager = processes.remove(processes.size() - 1);
    taskManager.stop();
    killed.add(taskManager);
    awaitTaskManagers(0);
  }

  /** Starts a new TaskManager, as an operator replacing a failed machine would, and waits for it. */
  public void replaceTaskManager() throws Exception {
    processes.add(taskManager("taskmanager-" + (killed.size() + 1)));
    awaitTaskManagers(1);
  }

  /** Everything the running TaskManager has logged so far. */
  public String taskManagerLog() throws IOException {
    return processes.get(processes.size() - 1).log();
  }

  /** The {@code --flinkMaster} value that submits to this cluster: {@code localhost:<rest port>}. */
  public String master() {
    return "localhost:" + restPort;
  }

  /** The REST API's answer to {@code path}, e.g. {@code /overview} or {@code /jobs/overview}. */
  public String rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** Every process's log tail, for a failure message. */
  public String logs() {
    StringBuilder text = new StringBuilder();
    killed.forEach(p -> text.append(p.tail()));
    processes.forEach(p -> text.append(p.tail()));
    return text.toString();
  }

  /** The cluster's processes' ids, for tests that check nothing is left behind. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    killed.forEach(p -> pids.add(p.pid()));
    processes.forEach(p -> pids.add(p.pid()));
    return pids;
  }

  private void awaitTaskManagers(int count) throws Exception {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      for (ClusterProcess process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException("a Flink process exited while starting" + logs());
        }
      }
      try {
        last = rest("/overview");
        if (last.contains("\"taskmanagers\":" + count + ",")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString(); // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the Flink cluster did not show " + count + " TaskManagers within " + STARTUP.toSeconds()
            + " s; last /overview: " + last + logs());
  }

  /** Kills every process of the cluster and waits for each to be gone. */
  @Override
  public void close() throws InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or will run; stopping twice is harmless.
    }
    stop();
  }

  private void stop() throws InterruptedException {
    // The TaskManager first, so it does not spend its last seconds looking for its JobManager.
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (InterruptedException | RuntimeException e) {
      // Nothing more a JVM that is exiting can do.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * What Flink's scripts compute before starting a TaskManager, from its memory settings: the
   * JVM's flags (heap, direct memory, metaspace) and the dynamic properties without which it
   * refuses to start ("taskmanager.cpu.cores is not set").
   */
  record TaskManagerResources(List<String> jvmFlags, List<String> dynamicProperties) {

    private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    static TaskManagerResources compute(Path dir, Path conf) throws Exception {
      String printed =
          ClusterProcess.runToEnd(
              dir, "taskmanager-resources", "org.apache.flink.runtime.util.bash.BashJavaUtils",
              List.of("GET_TM_RESOURCE_PARAMS", "--configDir", conf.toString()), 60);
      List<List<String>> results = new ArrayList<>();
      for (String line : printed.split("\n")) {
        if (line.startsWith(RESULT)) {
          results.add(Arrays.asList(line.substring(RESULT.length()).trim().split("\\s+")));
        }
      }
      if (results.size() != 2) {
        throw new IllegalStateException(
            "BashJavaUtils printed " + results.size() + " results, not 2:\n" + printed);
      }
      return new TaskManagerResources(results.get(0), results.get(1));
    }
  }
}
