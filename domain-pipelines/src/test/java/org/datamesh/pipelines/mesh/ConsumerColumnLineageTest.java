package org.datamesh.pipelines.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datamesh.core.contract.ColumnSources;
import org.datamesh.core.contract.ContractField;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.IndirectSources;
import org.junit.jupiter.api.Test;

/**
 * Every column of every consumer product names where its values come from ({@code
 * transformSourceObjects}), and each source is a column that exists in a table the product reads.
 */
class ConsumerColumnLineageTest {

  private static final Map<String, DataContract> CONTRACTS =
      Mesh.products().stream()
          .collect(Collectors.toMap(MeshProduct::path, MeshProduct::contract, (a, b) -> a));

  @Test
  void everyConsumerColumnNamesSourcesThatExistInWhatItReads() {
    List<String> problems = new ArrayList<>();
    int columns = 0;
    for (MeshConsumer consumer : Mesh.consumers()) {
      Map<String, ProductInput> reads =
          consumer.product().inputs().stream()
              .collect(Collectors.toMap(ProductInput::tag, Function.identity()));
      for (ContractTable table : consumer.contract().tables()) {
        for (ContractField field : table.fields()) {
          columns++;
          String column = consumer.path() + "/" + table.folder() + "." + field.name();
          List<ColumnSources.SourceColumn> sources = field.sources().columns();
          if (sources.isEmpty()) {
            problems.add(column + " names no source column");
          }
          for (ColumnSources.SourceColumn source : sources) {
            ProductInput input = reads.get(source.table());
            if (input == null) {
              problems.add(column + ": " + source.table() + " is not among what it reads");
            } else if (!exists(input, source.column())) {
              problems.add(column + ": " + source.table() + " has no column " + source.column());
            }
          }
        }
      }
    }
    assertThat(problems, empty());
    assertThat("columns checked", columns, greaterThan(40));
  }

  @Test
  void everyConsumerTableNamesTheColumnsItJoinsGroupsOrFiltersByAmongWhatItReads() {
    List<String> problems = new ArrayList<>();
    for (MeshConsumer consumer : Mesh.consumers()) {
      Map<String, ProductInput> reads =
          consumer.product().inputs().stream()
              .collect(Collectors.toMap(ProductInput::tag, Function.identity()));
      for (ContractTable table : consumer.contract().tables()) {
        String where = consumer.path() + "/" + table.folder();
        if (table.indirectSources().isEmpty()) {
          problems.add(where + " names no indirect source");
        }
        for (String text : table.indirectSources()) {
          IndirectSources.Entry entry = IndirectSources.Entry.parse(text);
          ProductInput input = entry == null ? null : reads.get(entry.source().table());
          if (input == null || !exists(input, entry.source().column())) {
            problems.add(where + ": " + text + " is not a column of what it reads");
          }
        }
      }
    }
    assertThat(problems, empty());
  }

  @Test
  void aCopiedColumnIsIdentityAndAnAggregateSaysSo() {
    DataContract customer360 = CONTRACTS.get("crm/customer-360");
    ColumnSources country = customer360.table("customer_360").field("country").sources();
    assertThat(country.columns(), hasSize(1));
    assertThat(
        country.lineageTypeOf("country"), is("IDENTITY"));
    ColumnSources value = customer360.table("customer_360").field("lifetime_value").sources();
    assertThat(
        value.lineageTypeOf("lifetime_value"), is("AGGREGATION"));
    assertThat(
        value.columns(),
        contains(
            new ColumnSources.SourceColumn("sales/orders/orders", "amount"),
            new ColumnSources.SourceColumn("sales/orders/orders", "status")));
  }

  /** Whether {@code column} (dotted when nested) is in the table {@code input} reads. */
  private static boolean exists(ProductInput input, String column) {
    DataContract contract = CONTRACTS.get(input.productPath());
    if (contract == null) {
      return false;
    }
    String[] path = column.split("\\.");
    ContractField field = contract.table(input.table()).field(path[0]);
    for (int i = 1; field != null && i < path.length; i++) {
      field = field.property(path[i]);
    }
    return field != null;
  }
}
