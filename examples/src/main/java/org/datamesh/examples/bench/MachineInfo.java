package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

/** The {@code machine} block of {@code results.json}: what the figures were measured on. */
final class MachineInfo {

  private MachineInfo() {}

  static ObjectNode describe() {
    ObjectNode machine = new ObjectMapper().createObjectNode();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    machine.put(
        "totalMemoryMb",
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            / (1024 * 1024));
    machine.put("cpuModel", cpuModel());
    machine.put("javaVersion", System.getProperty("java.version"));
    machine.put("javaVendor", System.getProperty("java.vendor"));
    machine.put("javaVm", System.getProperty("java.vm.name"));
    machine.put("os", System.getProperty("os.name"));
    machine.put("osVersion", System.getProperty("os.version"));
    machine.put("arch", System.getProperty("os.arch"));
    return machine;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
