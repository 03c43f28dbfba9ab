package org.datamesh.core.contract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Loads an ODCS v3 data contract: reads the YAML safely, checks it is valid ODCS v3 ({@link
 * org.datamesh.core.contract.odcs.OdcsStructure}), then maps it to a {@link DataContract}.
 *
 * <pre>{@code
 * DataContract orders = ContractLoader.load(Path.of("contracts/sales-orders.odcs.yaml"));
 * DataContract shipped = ContractLoader.fromClasspath("contracts/payments.odcs.yaml");
 * Schema published = orders.publishedSchema();
 *
 * List<ContractProblem> problems = ContractLoader.checkOdcs(path);  // only "is it valid ODCS?"
 * }</pre>
 *
 * <p>Everything wrong with a contract is collected before giving up, so one {@link
 * ContractException} lists all of it, each problem with its path and line. Parts the library does
 * not support or enforce yet do not fail the load; they are listed in {@link
 * DataContract#notices()}.
 *
 * <p>The YAML is not trusted: a document over 4 MiB, nested deeper than 100 levels, with more
 * than 50 aliases, with aliases or tags at all, with a repeated key, or made of several documents
 * is refused.
 */
public final class ContractLoader {

  private ContractLoader() {}

  /** Loads the contract in {@code file}. */
  public static DataContract load(Path file) throws ContractException {
    return parse(read(file), file.toString());
  }

  /**
   * Loads the contract {@code resource} from the class path, as {@link ClassLoader#getResource}
   * names it ({@code "contracts/payments.odcs.yaml"}; a leading {@code /} is ignored): the way a
   * product ships its contract in its own jar, and a test finds it in {@code src/test/resources}.
   * The thread's context class loader is asked first, then this library's.
   */
  public static DataContract fromClasspath(String resource) throws ContractException {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    String source = "classpath:" + name;
    URL url = null;
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      url = context.getResource(name);
    }
    if (url == null) {
      url = ContractLoader.class.getClassLoader().getResource(name);
    }
    if (url == null) {
      throw new ContractException(
          source,
          List.of(new ContractProblem(YamlPaths.ROOT, 0, "is not on the class path")));
    }
    return parse(read(url, source), source);
  }

  /** Loads the contract at {@code url}: a file, a class-path resource, or any URL Java opens. */
  public static DataContract load(URL url) throws ContractException {
    return parse(read(url, url.toString()), url.toString());
  }

  /**
   * Whether the contract in {@code file} is valid ODCS v3: the problems of its YAML and of its
   * structure, none when it is valid. Whether a data product can be built from it is not asked:
   * that is {@link #load}'s question.
   */
  public static List<ContractProblem> checkOdcs(Path file) {
    try {
      return checkOdcs(read(file));
    } catch (ContractException unreadable) {
      return unreadable.problems();
    }
  }

  /** Like {@link #checkOdcs(Path)}, for a contract given as text. */
  public static List<ContractProblem> checkOdcs(String yaml) {
    return checkOdcs(yaml.getBytes(StandardCharsets.UTF_8));
  }

  static List<ContractProblem> checkOdcs(byte[] yaml) {
    Problems problems = new Problems();
    readAndCheck(yaml, problems);
    return problems.errors();
  }

  private static byte[] read(Path file) throws ContractException {
    String source = file.toString();
    try {
      if (Files.size(file) > SafeYamlReader.MAX_BYTES) {
        // Refused before reading, so a huge file costs nothing.
        throw tooLarge(source);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /** Reads at most one byte more than a contract may have, so a huge resource costs nothing. */
  private static byte[] read(URL url, String source) throws ContractException {
    byte[] yaml;
    try (InputStream in = url.openStream()) {
      yaml = in.readNBytes(SafeYamlReader.MAX_BYTES + 1);
    } catch (IOException e) {
      throw unreadable(source, e);
    }
    if (yaml.length > SafeYamlReader.MAX_BYTES) {
      throw tooLarge(source);
    }
    return yaml;
  }

  private static ContractException tooLarge(String source) {
    return new ContractException(
        source,
        List.of(
            new ContractProblem(
                YamlPaths.ROOT,
                0,
                "the file is larger than " + SafeYamlReader.MAX_BYTES
                    + " bytes (4 MiB), the limit for a contract")));
  }

  private static ContractException unreadable(String source, IOException e) {
    return new ContractException(
        source,
        List.of(
            new ContractProblem(
                YamlPaths.ROOT, 0, "could not be read: " + e.getClass().getSimpleName())));
  }

  /**
   * Parses a contract given as text.
   *
   * @param sourceName what to call the contract in messages, such as its file name
   */
  public static DataContract parse(String yaml, String sourceName) throws ContractException {
    return parse(yaml.getBytes(StandardCharsets.UTF_8), sourceName);
  }

  private static DataContract parse(byte[] yaml, String source) throws ContractException {
    ContractInspection inspection = inspect(yaml, source);
    if (!inspection.validOdcs()) {
      throw new ContractException(source, inspection.invalid());
    }
    if (inspection.contract() == null) {
      throw new ContractException(source, inspection.refusals());
    }
    return inspection.contract();
  }

  /**
   * Answers both questions about the contract in {@code file}: is it valid ODCS, and what will a
   * run do with it. Never throws for what the file holds: an unreadable file is an invalid
   * contract with one problem.
   */
  public static ContractInspection inspect(Path file) {
    String source = file.toString();
    try {
      return inspect(read(file), source);
    } catch (ContractException unreadable) {
      return new ContractInspection(source, unreadable.problems(), List.of(), List.of(), null);
    }
  }

  private static ContractInspection inspect(byte[] yaml, String source) {
    Problems structure = new Problems();
    YamlDocument document = readAndCheck(yaml, structure);
    if (document == null) {
      return new ContractInspection(source, structure.errors(), List.of(), List.of(), null);
    }
    // Mapped even when invalid, so that a broken contract's author sees everything at once.
    Problems mapping = new Problems();
    mapping.useLines(document.lines());
    DataContract contract = ContractReader.read(document.root(), mapping);
    List<ContractProblem> refusals = new ArrayList<>(mapping.errors());
    // A value the structure check refused is not refused a second time.
    refusals.removeIf(r -> structure.hasErrorAt(r.path()));
    if (!structure.hasErrors()) {
      return new ContractInspection(source, List.of(), refusals, mapping.notices(), contract);
    }
    List<ContractProblem> invalid = new ArrayList<>(structure.errors());
    invalid.addAll(refusals);
    return new ContractInspection(source, invalid, List.of(), mapping.notices(), null);
  }

  /** The document, its ODCS problems added to {@code problems}; null when it is not readable YAML. */
  private static @Nullable YamlDocument readAndCheck(byte[] yaml, Problems problems) {
    YamlDocument document = SafeYamlReader.read(yaml, problems);
    if (document != null) {
      problems.useLines(document.lines());
      OdcsCheck.check(document.root(), problems);
    }
    return document;
  }
}
