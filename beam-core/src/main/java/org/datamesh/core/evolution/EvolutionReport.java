package org.datamesh.core.evolution;

import java.io.Serializable;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a new schema and version differ from a product's published ones, change by change.
 *
 * <pre>{@code
 * EvolutionReport report = SchemaEvolution.from(published).to(newSchema, "1.1.0");
 * report.isBreaking();   // true when any change can break a consumer
 * report.allowed();      // false when it breaks and the major version did not go up
 * }</pre>
 *
 * @param changes every difference, in the order of the published fields, then added fields
 */
public record EvolutionReport(
    String publishedVersion, String newVersion, List<SchemaChange> changes)
    implements Serializable {

  private static final Pattern LEADING_INTEGER = Pattern.compile("^(\\d+)");

  public EvolutionReport {
    changes = List.copyOf(changes);
  }

  /** Whether any change can break consumers of the published version. */
  public boolean isBreaking() {
    return changes.stream().anyMatch(SchemaChange::breaking);
  }

  /** The changes that can break consumers. */
  public List<SchemaChange> breakingChanges() {
    return changes.stream().filter(SchemaChange::breaking).toList();
  }

  /**
   * Whether the new version may be published: nothing breaks, or its major version (the leading
   * integer, semver style) is greater than the published one's. A version without a leading integer
   * never counts as a major bump.
   */
  public boolean allowed() {
    if (!isBreaking()) {
      return true;
    }
    OptionalInt published = major(publishedVersion);
    OptionalInt next = major(newVersion);
    return published.isPresent() && next.isPresent() && next.getAsInt() > published.getAsInt();
  }

  /** {@code 2} of {@code "2.1.0"}; empty for a version that does not start with a number. */
  static OptionalInt major(String version) {
    Matcher m = LEADING_INTEGER.matcher(version == null ? "" : version);
    if (!m.find()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty(); // more digits than an int holds: no sensible major version
    }
  }

  /** One line per change, breaking ones marked. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder("schema changes from version ")
            .append(publishedVersion)
            .append(" to ")
            .append(newVersion)
            .append(':');
    if (changes.isEmpty()) {
      text.append(" none");
    }
    for (SchemaChange change : changes) {
      text.append("\n  ").append(change);
    }
    return text.toString();
  }
}
