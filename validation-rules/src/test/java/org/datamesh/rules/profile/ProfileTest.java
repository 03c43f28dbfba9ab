package org.datamesh.rules.profile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.contract.TextFormat;
import org.datamesh.core.testing.ProductTestInput;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Profiles of CSV and JSON-lines files, computed in a pipeline. */
@ExtendWith(TestPipelineExtension.class)
class ProfileTest {

  static final String[] CSV = {
    "id,email,amount,day,status,code,note",
    "1,ada@example.org,12.50,2024-03-05,new,007,",
    "2,grace@example.org,3.05,2024-03-06,paid,010,\"\"",
    "3,alan@example.org,100.00,2024-03-07,new,011,Zoë",
    "4,edsger@example.org,0.5,2024-03-08,new,012,\"a, b\"",
    "5,barbara@example.org,7,2024-03-09,paid,013,東京",
    "",
    "7,too,few",
  };

  @Test
  void profilesEachCsvColumn(TestPipeline pipeline) {
    PCollection<DatasetProfile> profile =
        pipeline.apply(ProductTestInput.file("orders.csv", CSV)).apply(Profile.csv());
    PAssert.thatSingleton(profile)
        .satisfies(
            found -> {
              assertThat(found.records(), is(5L));
              assertThat(found.unreadable(), is(2L));
              assertThat(
                  found.columns().stream().map(ColumnProfile::name).toList(),
                  contains("id", "email", "amount", "day", "status", "code", "note"));
              ColumnProfile id = found.column("id").orElseThrow();
              assertThat(id.type(), is(ProfiledType.INTEGER));
              assertThat(id.unique(), is(true));
              assertThat(id.complete(), is(true));
              assertThat(id.minimum(), equalTo(new BigDecimal("1")));
              assertThat(id.maximum(), equalTo(new BigDecimal("5")));
              ColumnProfile email = found.column("email").orElseThrow();
              assertThat(email.type(), is(ProfiledType.STRING));
              assertThat(email.formats(), contains(TextFormat.EMAIL));
              ColumnProfile amount = found.column("amount").orElseThrow();
              assertThat(amount.type(), is(ProfiledType.NUMBER));
              assertThat(amount.scale(), is(2));
              assertThat(amount.precision(), is(5));
              assertThat(found.column("day").orElseThrow().type(), is(ProfiledType.DATE));
              ColumnProfile status = found.column("status").orElseThrow();
              assertThat(status.distinctValues(), contains("new", "paid"));
              assertThat(status.unique(), is(false));
              ColumnProfile code = found.column("code").orElseThrow();
              assertThat("leading zeros stay text", code.type(), is(ProfiledType.STRING));
              assertThat(code.minLength(), is(3));
              assertThat(code.maxLength(), is(3));
              ColumnProfile note = found.column("note").orElseThrow();
              assertThat(note.nulls(), is(1L));
              assertThat(note.blanks(), is(1L));
              assertThat(note.complete(), is(false));
              assertThat(note.maxLength(), is(4));
              return null;
            });
    pipeline.run();
  }

  @Test
  void profilesJsonLinesByMemberAndKind(TestPipeline pipeline) {
    PCollection<DatasetProfile> profile =
        pipeline
            .apply(
                ProductTestInput.file(
                    "events.jsonl",
                    "{\"id\": 1, \"price\": 9.50, \"ok\": true, \"at\": \"2024-03-05T10:00:00Z\", \"geo\": {\"x\": 1}, \"mixed\": 1}",
                    "{\"id\": 2, \"price\": \"10\", \"ok\": \"false\", \"at\": \"2024-03-05\", \"tags\": [], \"mixed\": \"one\"}",
                    "{\"id\": 3, \"price\": null, \"ok\": false, \"at\": \"2024-03-06T10:00:00+02:00\", \"mixed\": 2}",
                    "not json"))
            .apply(Profile.jsonLines());
    PAssert.thatSingleton(profile)
        .satisfies(
            found -> {
              assertThat(found.records(), is(3L));
              assertThat(found.unreadable(), is(1L));
              assertThat(
                  found.columns().stream().map(ColumnProfile::name).toList(),
                  contains("id", "price", "ok", "at", "geo", "tags", "mixed"));
              ColumnProfile price = found.column("price").orElseThrow();
              assertThat(price.type(), is(ProfiledType.NUMBER));
              assertThat(price.scale(), is(2));
              assertThat(price.nulls(), is(1L));
              assertThat(found.column("ok").orElseThrow().type(), is(ProfiledType.BOOLEAN));
              assertThat(found.column("at").orElseThrow().type(), is(ProfiledType.TIMESTAMP));
              ColumnProfile geo = found.column("geo").orElseThrow();
              assertThat(geo.type(), is(ProfiledType.OBJECT));
              assertThat(geo.nulls(), is(2L));
              assertThat(found.column("tags").orElseThrow().type(), is(ProfiledType.ARRAY));
              ColumnProfile mixed = found.column("mixed").orElseThrow();
              assertThat(mixed.type(), is(ProfiledType.STRING));
              assertThat(mixed.readable(), is(false));
              assertThat(mixed.minimum(), nullValue());
              return null;
            });
    pipeline.run();
  }

  @Test
  void datesInAnotherLayoutNameIt(TestPipeline pipeline) {
    PCollection<DatasetProfile> profile =
        pipeline
            .apply(ProductTestInput.file("d.csv", "day,other", "05/03/2024,2024-01-01", "31/12/2024,01.02.2024", "2024-01-01,x"))
            .apply(Profile.csv().withEnumerationLimit(0));
    PAssert.thatSingleton(profile)
        .satisfies(
            found -> {
              ColumnProfile day = found.column("day").orElseThrow();
              assertThat(day.type(), is(ProfiledType.DATE));
              assertThat(day.datePattern(), equalTo("dd/MM/yyyy"));
              assertThat(day.distinctValues(), nullValue());
              assertThat(found.column("other").orElseThrow().type(), is(ProfiledType.STRING));
              return null;
            });
    pipeline.run();
  }

  @Test
  void mergesTheProfilesOfSeveralFiles(TestPipeline pipeline) {
    PCollection<DatasetProfile> profile =
        pipeline
            .apply(
                ProductTestInput.file("a.csv", "id,amount,status", "1,2.5,new", "2,3,new")
                    .andFile("b.csv", "id,status,extra", "3,paid,x", "2,new,y")
                    .andFile("c.csv", "amount,id", "10.125,4"))
            .apply(Profile.csv());
    PAssert.thatSingleton(profile)
        .satisfies(
            found -> {
              assertThat(found.records(), is(5L));
              ColumnProfile id = found.column("id").orElseThrow();
              assertThat(id.values(), is(5L));
              assertThat("2 appears twice, in two files", id.unique(), is(false));
              assertThat(id.distinct(), is(4L));
              assertThat(id.approxDistinct(), is(4L));
              ColumnProfile amount = found.column("amount").orElseThrow();
              assertThat("absent from b.csv", amount.nulls(), is(2L));
              assertThat(amount.type(), is(ProfiledType.NUMBER));
              assertThat(amount.scale(), is(3));
              assertThat(amount.maximum(), equalTo(new BigDecimal("10.125")));
              assertThat(found.column("status").orElseThrow().distinctValues(), contains("new", "paid"));
              assertThat(found.column("extra").orElseThrow().nulls(), is(3L));
              return null;
            });
    pipeline.run();
  }

  @Test
  void displaysItsOptions() {
    DisplayData data = DisplayData.from(Profile.jsonLines().withEnumerationLimit(5).withDistinctLimit(50));
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).sorted().toList(),
        equalTo(List.of("distinctLimit=50", "enumerationLimit=5", "layout=JSON_LINES")));
  }
}
