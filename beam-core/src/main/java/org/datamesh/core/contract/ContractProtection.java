package org.datamesh.core.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.protect.FieldProtection;
import org.datamesh.core.protect.ProtectionMethod;

/**
 * Which columns of a table a contract protects, and how. ODCS says how sensitive a property is
 * ({@code classification}) but not what to do about it, so datamesh-beam reads this convention:
 *
 * <pre>{@code
 * - name: email
 *   logicalType: string
 *   classification: restricted        # restricted, confidential, sensitive, secret or pii: protected
 * - name: birth_date
 *   logicalType: date
 *   classification: confidential
 *   customProperties:
 *     - property: protection
 *       value: generalize(year)       # tokenize (the default) | encrypt | encrypt(deterministic)
 *                                     # | mask | hash | generalize(month|year|<band>) | drop
 * }</pre>
 *
 * <p>A {@code protection} property protects a column of any classification. The classifications
 * named above (any case) cannot be published in clear: there is no {@code none}. A classified
 * property nested inside an {@code object} or {@code array} column encrypts that whole column
 * (its nested shape cannot be kept once a part of it is ciphertext).
 *
 * <p>Protection must keep the product consistent: a primary-key column needs a method that keeps
 * equal values equal and different ones different (tokenize, hash, encrypt(deterministic)); the
 * column deciding which duplicate is latest can only be generalized; a partition column cannot be
 * dropped. Each broken rule is a problem at the property's YAML path.
 */
public final class ContractProtection {

  /** The custom property that chooses a column's protection. */
  public static final String PROPERTY = "protection";

  /** Classifications that mean a column is protected (compared in lower case). */
  public static final Set<String> PROTECTED_CLASSIFICATIONS =
      Set.of("restricted", "confidential", "sensitive", "secret", "pii");

  private static final Pattern CALL = Pattern.compile("([a-z]+)\\s*\\(\\s*([^)]*?)\\s*\\)");

  private ContractProtection() {}

  /** Whether {@code classification} (any case, may be null) means protected. */
  public static boolean isProtected(@Nullable String classification) {
    return classification != null
        && PROTECTED_CLASSIFICATIONS.contains(classification.trim().toLowerCase(Locale.ROOT));
  }

  /** The protection of each protected column of {@code table}, in column order; empty if none. */
  public static List<FieldProtection> of(DataContract contract, ContractTable table)
      throws ContractException {
    List<FieldProtection> protections = new ArrayList<>();
    List<ContractProblem> problems = new ArrayList<>();
    List<ContractField> fields = table.fields();
    for (int i = 0; i < fields.size(); i++) {
      ContractField field = fields.get(i);
      String path = table.path() + ".properties[" + i + "]";
      FieldProtection protection = protection(field, path, problems);
      if (protection != null) {
        check(table, field, protection, path, problems);
        protections.add(protection);
      }
    }
    if (!problems.isEmpty()) {
      throw ContractException.of(contract.product().id(), problems);
    }
    return protections;
  }

  /** The YAML path of the first protected column of {@code table}, or null: where keys are needed. */
  public static @Nullable String firstProtectedPath(ContractTable table) {
    List<ContractField> fields = table.fields();
    for (int i = 0; i < fields.size(); i++) {
      ContractField field = fields.get(i);
      if (field.customProperties().containsKey(PROPERTY)
          || isProtected(field.classification())
          || nestedClassified(field)) {
        return table.path() + ".properties[" + i + "]";
      }
    }
    return null;
  }

  private static @Nullable FieldProtection protection(
      ContractField field, String path, List<ContractProblem> problems) {
    String declared = field.customProperties().get(PROPERTY);
    if (declared != null) {
      return parse(field, declared, path + ".customProperties." + PROPERTY, problems);
    }
    if (isProtected(field.classification())) {
      return FieldProtection.tokenize(field.name());
    }
    if (nestedClassified(field)) {
      return FieldProtection.encrypt(field.name());
    }
    return null;
  }

  private static boolean nestedClassified(ContractField field) {
    for (ContractField nested : field.properties()) {
      if (isProtected(nested.classification()) || nestedClassified(nested)) {
        return true;
      }
    }
    ContractField items = field.items();
    return items != null && (isProtected(items.classification()) || nestedClassified(items));
  }

  private static @Nullable FieldProtection parse(
      ContractField field, String declared, String path, List<ContractProblem> problems) {
    String text = declared.trim().toLowerCase(Locale.ROOT);
    Matcher call = CALL.matcher(text);
    String word = call.matches() ? call.group(1) : text;
    String argument = call.matches() ? call.group(2) : null;
    ProtectionMethod method = ProtectionMethod.named(word);
    if (method == null) {
      problems.add(
          new ContractProblem(
              path,
              0,
              "unknown protection; use tokenize, encrypt, encrypt(deterministic), mask, hash,"
                  + " generalize(month|year|<band width>) or drop"));
      return null;
    }
    String name = field.name();
    if (method == ProtectionMethod.GENERALIZE) {
      return generalization(field, argument, path, problems);
    }
    if (method == ProtectionMethod.ENCRYPT && "deterministic".equals(argument)) {
      return FieldProtection.encryptDeterministically(name);
    }
    if (argument != null) {
      problems.add(
          new ContractProblem(
              path, 0, word + " takes no argument (only encrypt(deterministic) and generalize(...) do)"));
      return null;
    }
    return switch (method) {
      case TOKENIZE -> FieldProtection.tokenize(name);
      case ENCRYPT -> FieldProtection.encrypt(name);
      case MASK -> FieldProtection.mask(name);
      case HASH -> FieldProtection.hash(name);
      default -> FieldProtection.drop(name);
    };
  }

  private static @Nullable FieldProtection generalization(
      ContractField field, @Nullable String argument, String path, List<ContractProblem> problems) {
    LogicalType type = field.logicalType();
    boolean temporal = type == LogicalType.DATE || type == LogicalType.TIMESTAMP;
    boolean numeric = type == LogicalType.INTEGER || type == LogicalType.NUMBER;
    if ("month".equals(argument) || "year".equals(argument)) {
      if (!temporal) {
        problems.add(new ContractProblem(path, 0, "generalize(" + argument + ") applies to date and timestamp columns"));
        return null;
      }
      return FieldProtection.generalize(
          field.name(),
          FieldProtection.Granularity.valueOf(argument.toUpperCase(Locale.ROOT)));
    }
    BigDecimal band = null;
    try {
      band = argument == null ? null : new BigDecimal(argument);
    } catch (NumberFormatException e) {
      band = null;
    }
    if (band == null || band.signum() <= 0) {
      problems.add(
          new ContractProblem(
              path,
              0,
              "generalize needs month or year (dates, timestamps) or a positive band width"
                  + " (numbers), e.g. generalize(10)"));
      return null;
    }
    if (!numeric) {
      problems.add(new ContractProblem(path, 0, "generalize(<band width>) applies to integer and number columns"));
      return null;
    }
    if (type == LogicalType.INTEGER && band.stripTrailingZeros().scale() > 0) {
      problems.add(new ContractProblem(path, 0, "an integer column's band width must be a whole number"));
      return null;
    }
    return FieldProtection.generalizeInBands(field.name(), band);
  }

  private static void check(
      ContractTable table,
      ContractField field,
      FieldProtection protection,
      String path,
      List<ContractProblem> problems) {
    if (field.primaryKey() && !protection.keepsIdentity()) {
      problems.add(
          new ContractProblem(
              path,
              0,
              field.name() + " is part of the primary key, so its protection must keep equal values"
                  + " equal and different ones apart: tokenize, hash or encrypt(deterministic), not "
                  + protection.describe()));
    }
    if (field.name().equals(table.latestBy())
        && protection.method() != ProtectionMethod.GENERALIZE) {
      problems.add(
          new ContractProblem(
              path,
              0,
              field.name() + " decides which duplicate is latest, so it can only be generalized,"
                  + " not " + protection.describe()));
    }
    if (field.partitioned() && protection.method() == ProtectionMethod.DROP) {
      problems.add(new ContractProblem(path, 0, field.name() + " partitions the product and cannot be dropped"));
    }
  }
}
