package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class HivePartitionsTest {

  @Test
  void escapesWhatCouldChangeThePathAndKeepsTheRest() {
    assertThat(HivePartitions.escape("DE"), equalTo("DE"));
    assertThat(HivePartitions.escape("a/b\\c"), equalTo("a%2Fb%5Cc"));
    assertThat(HivePartitions.escape(".."), equalTo(".."));
    assertThat(HivePartitions.escape("k=v:%"), equalTo("k%3Dv%3A%25"));
    assertThat(HivePartitions.escape("line\nbreak\u0000"), equalTo("line%0Abreak%00"));
    assertThat(HivePartitions.escape("Zürich Ost"), equalTo("Zürich Ost"));
  }

  @Test
  void nullAndEmptyGoToHivesDefaultPartition() {
    assertThat(HivePartitions.escape(null), equalTo("__HIVE_DEFAULT_PARTITION__"));
    assertThat(HivePartitions.escape(""), equalTo("__HIVE_DEFAULT_PARTITION__"));
  }

  @Test
  void foldersFollowTheKeyOrderWithExactTextForEachType() {
    Schema schema =
        Schema.builder()
            .addStringField("region")
            .addField("day", DataTypes.date())
            .addField("amount", DataTypes.decimal(10, 2))
            .addDateTimeField("at")
            .addInt32Field("n")
            .build();
    Row row =
        Row.withSchema(schema)
            .addValues(
                "EU/West",
                LocalDate.of(2024, 3, 5),
                new BigDecimal("1E+3").setScale(2),
                Instant.parse("2024-03-05T10:15:30.123Z"),
                7)
            .build();
    assertThat(
        HivePartitions.of(schema, List.of("day", "region", "amount", "at", "n")).folderOf(row),
        equalTo("day=2024-03-05/region=EU%2FWest/amount=1000.00/at=2024-03-05T10%3A15%3A30.123Z/n=7"));
  }
}
