package org.datamesh.examples.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.examples.cli.UsageException;

/**
 * The inputs of {@code run}, one per table: {@code --input=GLOB} for a product of one table, or
 * {@code --input=TABLE=GLOB} once per table; {@code --inputFormat=FORMAT} for every table, or
 * {@code --inputFormat=TABLE=FORMAT} for one.
 *
 * <pre>{@code
 * datamesh run --contract=sales.odcs.yaml --input=orders='exports/orders-*.csv' \
 *     --input=order_lines='exports/lines-*.jsonl' --inputFormat=order_lines=jsonl --output=mesh
 * }</pre>
 *
 * <p>A value is {@code TABLE=GLOB} only when the text before its first {@code =} is one of the
 * contract's tables, so a glob holding {@code =} (a Hive folder such as {@code day=2024-03-05})
 * still reads as a glob. These options may repeat, which Beam's own parsing refuses, so they are
 * taken out of the arguments before Beam reads the rest ({@link #withoutTableOptions}).
 */
final class TableInputs {

  static final String INPUT = "--input=";
  static final String INPUT_FORMAT = "--inputFormat=";

  private TableInputs() {}

  /**
   * One table's input: its files, the option that named them (for messages), and their layout.
   */
  record TableInput(ContractTable table, String pattern, String option, RecordFormat.Kind format) {}

  /** {@code args} without the {@code --input} and {@code --inputFormat} options. */
  static String[] withoutTableOptions(String[] args) {
    return Arrays.stream(args)
        .filter(a -> !a.startsWith(INPUT) && !a.startsWith(INPUT_FORMAT))
        .toArray(String[]::new);
  }

  /**
   * Each table's input, in the contract's order, not checked yet against the file system.
   *
   * @param args the command line as given
   */
  static List<TableInput> of(String[] args, DataContract contract) throws UsageException {
    List<ContractTable> tables = contract.tables();
    Map<String, String> patterns = byTable(values(args, INPUT), tables, "--input");
    Map<String, String> formats = byTable(values(args, INPUT_FORMAT), tables, "--inputFormat");
    if (patterns.isEmpty()) {
      throw new UsageException(
          "--input is required: a file or glob such as exports/orders-*.csv.gz"
              + (tables.size() > 1 ? ", one per table as --input=TABLE=GLOB" : ""));
    }
    List<TableInput> inputs = new ArrayList<>();
    for (ContractTable table : tables) {
      String pattern = patterns.containsKey(table.folder()) ? patterns.get(table.folder()) : patterns.get("");
      if (pattern == null) {
        throw new UsageException(
            "no input for the table " + table.folder() + ": add --input=" + table.folder() + "=GLOB");
      }
      String format = formats.containsKey(table.folder()) ? formats.get(table.folder()) : formats.get("");
      String option = patterns.containsKey(table.folder()) ? "--input=" + table.folder() + "=..." : "--input";
      inputs.add(
          new TableInput(
              table, pattern, option,
              format == null || format.equalsIgnoreCase("auto")
                  ? InputFiles.formatOf(pattern)
                  : InputFiles.format(format)));
    }
    for (String named : patterns.keySet()) {
      if (!named.isEmpty() && tables.stream().noneMatch(t -> t.folder().equals(named))) {
        throw new UsageException("--input names no table of the product: " + named);
      }
    }
    return inputs;
  }

  /** Checks that each input matches at least one file (see {@link InputFiles#check}). */
  static void check(List<TableInput> inputs, PipelineOptions options) throws UsageException {
    for (TableInput input : inputs) {
      InputFiles.check(input.pattern(), options, input.option());
    }
  }

  private static List<String> values(String[] args, String prefix) {
    List<String> values = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        values.add(arg.substring(prefix.length()));
      }
    }
    return values;
  }

  /**
   * The values by table name; a value for no table in particular under {@code ""}. For a product
   * of several tables, each value must name its table.
   */
  private static Map<String, String> byTable(
      List<String> values, List<ContractTable> tables, String option) throws UsageException {
    Map<String, String> byTable = new LinkedHashMap<>();
    for (String value : values) {
      String table = "";
      String rest = value;
      int equals = value.indexOf('=');
      if (equals > 0 && isTable(value.substring(0, equals), tables)) {
        table = value.substring(0, equals);
        rest = value.substring(equals + 1);
      } else if (tables.size() > 1 && option.equals("--input")) {
        throw new UsageException(
            "the product has " + tables.size() + " tables ("
                + String.join(", ", tables.stream().map(ContractTable::folder).toList())
                + "): give each its files as " + option + "=TABLE=GLOB");
      }
      if (byTable.put(table, rest) != null) {
        throw new UsageException(
            option + " is given twice" + (table.isEmpty() ? "" : " for the table " + table));
      }
    }
    return byTable;
  }

  private static boolean isTable(String name, List<ContractTable> tables) {
    return tables.stream().anyMatch(t -> t.folder().equals(name));
  }
}
