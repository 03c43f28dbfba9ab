package org.datamesh.examples.newcomer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's project, made from the README alone, builds and passes its tests against this
 * checkout's artifacts: the README's {@code pom.xml} (the BOM import and the dependencies it
 * lists, nothing else) and a JUnit 5 test of a product declared in Java and of one built from a
 * contract on the class path, both fed by {@code ProductTestInput} on the Direct runner.
 *
 * <p>The project is built by a child Maven in a temporary folder, offline, with a local
 * repository of its own ({@code target/newcomer-m2}): this build's artifacts are copied into it
 * from the modules' {@code target} folders (the reactor has packaged them before this phase), and
 * everything else is taken from this build's own local repository, read as a {@code file://}
 * repository, so nothing is written to it and no network is needed. Then the versions the
 * newcomer resolved are compared with the ones the library is tested with.
 */
class NewcomerProjectIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path CHECKOUT = MODULE.getParent();

  @TempDir Path project;

  @Test
  void theReadmesProjectBuildsAndTestsAgainstTheInstalledArtifacts() throws Exception {
    String version = projectVersion();
    Path repository = MODULE.resolve("target/newcomer-m2");
    install(repository, version);
    Path settings = project.resolve("settings.xml");
    Files.writeString(settings, settings(repository, buildRepository()));

    Files.writeString(project.resolve("pom.xml"), readmePom(version));
    copyResource("PaymentsProductTest.java.txt",
        project.resolve("src/test/java/com/example/payments/PaymentsProductTest.java"));
    copyResource("payments.odcs.yaml",
        project.resolve("src/test/resources/contracts/payments.odcs.yaml"));

    Path deps = project.resolve("target/resolved.txt");
    String output = maven(settings, "test",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list",
        "-DoutputFile=" + deps, "-DincludeScope=runtime");

    assertThat(output, containsString("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"));
    assertThat(output, containsString("BUILD SUCCESS"));
    // The binding the README lists matches the SLF4J API the library brings: no no-op warning.
    assertThat(output, not(containsString("NOP")));
    assertThat(output, not(containsString("SLF4J: Failed to load class")));
    // What the library is tested with reaches the newcomer's own resolution.
    List<String> resolved = resolved(deps);
    assertThat(resolved, hasItems(
        "commons-logging:commons-logging:jar:1.2",
        "org.slf4j:slf4j-api:jar:1.7.36",
        "com.fasterxml.jackson.core:jackson-databind:jar:2.15.4",
        "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml:jar:2.15.4",
        "org.apache.beam:beam-sdks-java-core:jar:2.62.0"));
  }

  /** The project's version, from the root pom's own (first) version element after its artifactId. */
  private static String projectVersion() throws IOException {
    String pom = Files.readString(CHECKOUT.resolve("pom.xml"));
    Matcher m =
        Pattern.compile("<artifactId>datamesh-beam-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    if (!m.find()) {
      throw new IllegalStateException(CHECKOUT + "/pom.xml is not datamesh-beam's root pom");
    }
    return m.group(1);
  }

  /** The README's project pom: the xml block naming the artifact payments-product. */
  private static String readmePom(String version) throws IOException {
    String readme = Files.readString(CHECKOUT.resolve("README.md"));
    Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      String xml = block.group(1);
      if (xml.contains("<artifactId>payments-product</artifactId>")) {
        assertThat("the README's pom names this version",
            xml.contains("<datamesh.version>" + version + "</datamesh.version>"), equalTo(true));
        return xml;
      }
    }
    throw new AssertionError("README.md has no ```xml block with the payments-product pom");
  }

  /**
   * Puts this build's parent pom and the artifacts a newcomer depends on into {@code repository},
   * as {@code mvn install} would: the jars the reactor packaged, and each module's pom.
   */
  private static void install(Path repository, String version) throws IOException {
    Path group = repository.resolve("org/datamesh");
    copy(CHECKOUT.resolve("pom.xml"),
        group.resolve("datamesh-beam-parent/" + version + "/datamesh-beam-parent-" + version + ".pom"));
    for (String module : List.of("beam-core", "validation-rules")) {
      Path jar = CHECKOUT.resolve(module + "/target/" + module + "-" + version + ".jar");
      if (!Files.exists(jar)) {
        throw new IllegalStateException(
            jar + " is missing: build the modules first (mvn verify from the checkout's root)");
      }
      Path folder = group.resolve(module + "/" + version);
      copy(jar, folder.resolve(module + "-" + version + ".jar"));
      copy(CHECKOUT.resolve(module + "/pom.xml"), folder.resolve(module + "-" + version + ".pom"));
    }
  }

  /** This build's local repository, which holds everything the newcomer's build needs. */
  private static Path buildRepository() {
    String configured = System.getProperty("newcomer.buildRepository");
    return configured == null || configured.isBlank() || configured.contains("${")
        ? Path.of(System.getProperty("user.home"), ".m2", "repository")
        : Path.of(configured);
  }

  private static String settings(Path repository, Path buildRepository) {
    String cache = buildRepository.toUri().toString();
    String repo =
        "<id>build-cache</id><url>" + cache + "</url>"
            + "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
            + "<snapshots><enabled>false</enabled></snapshots>";
    return "<settings><localRepository>" + repository + "</localRepository>"
        + "<profiles><profile><id>build-cache</id>"
        + "<repositories><repository>" + repo + "</repository></repositories>"
        + "<pluginRepositories><pluginRepository>" + repo + "</pluginRepository></pluginRepositories>"
        + "</profile></profiles>"
        + "<activeProfiles><activeProfile>build-cache</activeProfile></activeProfiles></settings>";
  }

  private String maven(Path settings, String... goals) throws Exception {
    String home = System.getProperty("maven.home");
    String mvn = home == null || home.isBlank() || home.contains("${") ? "mvn" : home + "/bin/mvn";
    List<String> command = new ArrayList<>(List.of(
        mvn, "-B", "-ntp", "-s", settings.toString(),
        // Offline, except for file:// repositories: the build's own local repository.
        "-o", "-Daether.offline.protocols=file"));
    command.addAll(List.of(goals));
    Path log = project.resolve("build.log");
    Process process =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the newcomer's build took over 5 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    if (process.exitValue() != 0) {
      throw new AssertionError("the newcomer's build failed:\n" + output);
    }
    return output;
  }

  private static List<String> resolved(Path deps) throws IOException {
    List<String> coordinates = new ArrayList<>();
    for (String line : Files.readAllLines(deps, StandardCharsets.UTF_8)) {
      String[] parts = line.trim().split(":");
      if (parts.length >= 5) {
        coordinates.add(parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + parts[3]);
      }
    }
    return coordinates;
  }

  private static void copyResource(String name, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (InputStream in = NewcomerProjectIT.class.getResourceAsStream("/newcomer/" + name)) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
