package org.datamesh.core.relate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractProblem;
import org.datamesh.core.contract.ContractProtection;
import org.datamesh.core.contract.ContractRelationship;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.failure.Severity;

/**
 * The relationships of a contract that a run checks, as {@link Relationship}s between its tables'
 * folders: references written {@code table.column}, to a table of the contract or, with the
 * custom property {@code product: domain/name}, to a table of that published product. The others
 * are left to the loader's notices.
 *
 * <pre>{@code
 * List<Relationship> relationships = ContractRelationships.of(contract);
 * pipeline.apply(DataProductPipeline.of(specs).withRelationships(relationships)...);
 * }</pre>
 *
 * <p>Refused, each with its path ({@link ContractException}): a column its table does not have
 * (top-level columns only), a {@code severity} other than {@code error} or {@code warning}, a
 * {@code product} that is not {@code domain/name} of folder-safe names, and two columns of the
 * contract protected differently, or by a method whose values cannot be compared ({@code mask},
 * {@code generalize}, {@code drop}, random {@code encrypt}): tokens, hashes and deterministic
 * ciphertexts made with one keyset compare as the clear values do, but only with each other.
 */
public final class ContractRelationships {

  private static final Pattern PRODUCT = Pattern.compile("[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*");

  private ContractRelationships() {}

  /** The relationships of {@code contract} a run checks; throws when one cannot be checked. */
  public static List<Relationship> of(DataContract contract) throws ContractException {
    List<String> tableNames = contract.tables().stream().map(ContractTable::name).toList();
    List<Relationship> checked = new ArrayList<>();
    List<ContractProblem> problems = new ArrayList<>();
    for (ContractRelationship declared : contract.relationships()) {
      if (declared.whyNotChecked(tableNames) != null) {
        continue;
      }
      Relationship relationship = relationship(contract, declared, problems);
      if (relationship != null) {
        checked.add(relationship);
      }
    }
    if (!problems.isEmpty()) {
      throw ContractException.of(contract.product().id(), problems);
    }
    return checked;
  }

  private static @Nullable Relationship relationship(
      DataContract contract, ContractRelationship declared, List<ContractProblem> problems) {
    int before = problems.size();
    String path = declared.path();
    ContractTable from = table(contract, ContractRelationship.table(declared.from().get(0)));
    List<String> fromColumns = new ArrayList<>();
    for (String reference : declared.from()) {
      ContractTable table = table(contract, ContractRelationship.table(reference));
      if (table == null || table != from) {
        problems.add(problem(path + ".from", reference + ": every column must be of one table of this contract"));
        continue;
      }
      column(table, reference, path + ".from", problems);
      fromColumns.add(ContractRelationship.column(reference));
    }
    String product = declared.product();
    String toName = ContractRelationship.table(declared.to().get(0));
    List<String> toColumns = declared.to().stream().map(ContractRelationship::column).toList();
    ContractTable to = product == null ? table(contract, toName) : null;
    if (product != null && !PRODUCT.matcher(product).matches()) {
      problems.add(
          problem(
              path + ".customProperties." + ContractRelationship.PRODUCT_PROPERTY,
              "names the published product as domain/name (lower-case folder names, such as"
                  + " crm/customers)"));
    }
    if (to != null && from != null) {
      for (int i = 0; i < declared.to().size(); i++) {
        ContractField target = column(to, declared.to().get(i), path + ".to", problems);
        ContractField source = from.field(ContractRelationship.column(declared.from().get(i)));
        if (target != null && source != null) {
          comparable(source, target, declared.from().get(i), declared.to().get(i), path, problems);
        }
      }
    }
    Severity severity = severity(declared, path, problems);
    if (problems.size() > before || from == null) {
      return null;
    }
    Relationship.From start = Relationship.from(from.folder(), fromColumns.toArray(new String[0]));
    Relationship relationship =
        product == null
            ? start.to(to.folder(), toColumns.toArray(new String[0]))
            : start.toPublished(product, toName, toColumns.toArray(new String[0]));
    return relationship.withSeverity(severity);
  }

  private static @Nullable ContractTable table(DataContract contract, String name) {
    return contract.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  private static @Nullable ContractField column(
      ContractTable table, String reference, String path, List<ContractProblem> problems) {
    ContractField field = table.field(ContractRelationship.column(reference));
    if (field == null) {
      problems.add(
          problem(path, reference + ": " + table.name() + " has no column "
              + ContractRelationship.column(reference)));
    }
    return field;
  }

  private static Severity severity(
      ContractRelationship declared, String path, List<ContractProblem> problems) {
    String declaredSeverity = declared.severity();
    if (declaredSeverity == null) {
      return Severity.ERROR;
    }
    switch (declaredSeverity.trim().toLowerCase(Locale.ROOT)) {
      case "error":
        return Severity.ERROR;
      case "warning":
        return Severity.WARN;
      default:
        problems.add(
            problem(
                path + ".customProperties." + ContractRelationship.SEVERITY_PROPERTY,
                "is error (quarantine rows without a match, the default) or warning (publish and"
                    + " count them)"));
        return Severity.ERROR;
    }
  }

  /** Refuses two columns whose published values cannot be compared. */
  private static void comparable(
      ContractField source,
      ContractField target,
      String sourceName,
      String targetName,
      String path,
      List<ContractProblem> problems) {
    String sourceProtection = protection(source);
    String targetProtection = protection(target);
    if (!sourceProtection.equals(targetProtection)) {
      problems.add(
          problem(
              path,
              sourceName + " is published " + describe(sourceProtection) + " and " + targetName
                  + " " + describe(targetProtection)
                  + ": protect both columns the same way, or their values never match"));
    } else if (!List.of("none", "tokenize", "hash", "encrypt(deterministic)").contains(sourceProtection)) {
      problems.add(
          problem(
              path,
              sourceName + " and " + targetName + " are published " + describe(sourceProtection)
                  + ", whose values cannot be compared: use tokenize, hash or"
                  + " encrypt(deterministic)"));
    }
  }

  /** How a column is published: its declared protection, tokenize when classified, else none. */
  private static String protection(ContractField field) {
    String declared = field.customProperties().get(ContractProtection.PROPERTY);
    if (declared != null) {
      return declared.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    }
    return ContractProtection.isProtected(field.classification()) ? "tokenize" : "none";
  }

  private static String describe(String protection) {
    return protection.equals("none") ? "in clear" : "with " + protection;
  }

  private static ContractProblem problem(String path, String message) {
    return new ContractProblem(path, 0, message);
  }
}
