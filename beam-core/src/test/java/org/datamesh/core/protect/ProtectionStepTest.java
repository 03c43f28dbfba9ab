package org.datamesh.core.protect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.util.SerializableUtils;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.record.CompiledStep;
import org.datamesh.core.record.RecordIssues;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class ProtectionStepTest {

  static final DataKeys KEYS = DataKeys.generate();

  static final Schema SCHEMA =
      Schema.builder()
          .addNullableField("customer_id", FieldType.INT64)
          .addNullableField("customer_ref", FieldType.STRING)
          .addNullableField("email", FieldType.STRING)
          .addNullableField("card", FieldType.STRING)
          .addNullableField("birth_date", FieldType.logicalType(SqlTypes.DATE))
          .addNullableField("seen_at", FieldType.DATETIME)
          .addNullableField("age", FieldType.INT32)
          .addNullableField("income", FieldType.DECIMAL)
          .addNullableField("note", FieldType.STRING)
          .addNullableField("country", FieldType.STRING)
          .build();

  static final ProtectionStep STEP =
      ProtectionStep.of(
          KEYS,
          FieldProtection.tokenize("customer_id"),
          FieldProtection.tokenize("customer_ref"),
          FieldProtection.encrypt("email"),
          FieldProtection.mask("card"),
          FieldProtection.generalize("birth_date", FieldProtection.Granularity.YEAR),
          FieldProtection.generalize("seen_at", FieldProtection.Granularity.MONTH),
          FieldProtection.generalizeInBands("age", BigDecimal.TEN),
          FieldProtection.generalizeInBands("income", new BigDecimal("1000")),
          FieldProtection.drop("note"));

  private static Object[] record() {
    return new Object[] {
      42L,
      "42",
      "ada@example.com",
      "4111111111111111",
      LocalDate.of(1985, 7, 14),
      Instant.parse("2024-03-17T22:15:30.123Z"),
      37,
      new BigDecimal("52345.67"),
      "free text",
      "DE"
    };
  }

  @Test
  void theOutputSchemaSaysWhatConsumersRead() {
    Schema output = STEP.outputSchema(SCHEMA);
    assertThat(
        output.getFieldNames(),
        contains(
            "customer_id", "customer_ref", "email", "card", "birth_date", "seen_at", "age",
            "income", "country"));
    assertThat(output.getField("customer_id").getType(), equalTo(FieldType.STRING.withNullable(true)));
    assertThat(output.getField("card").getType(), equalTo(FieldType.STRING.withNullable(true)));
    assertThat(output.getField("birth_date").getType(), equalTo(SCHEMA.getField("birth_date").getType()));
    assertThat(output.getField("income").getType(), equalTo(FieldType.DECIMAL.withNullable(true)));
    assertThat(STEP.stage(), is(Stage.PROTECT));
  }

  @Test
  void everyMethodProtectsItsColumn() throws Exception {
    RecordIssues issues = new RecordIssues();
    Object[] out = STEP.compile(SCHEMA).apply(record(), issues);

    assertThat(issues.isEmpty(), is(true));
    assertThat((String) out[0], matchesPattern("tok:[0-9a-f]{8}:[A-Za-z0-9_-]{22}"));
    assertThat("a number and its text give one token, so products join", out[1], equalTo(out[0]));
    assertThat((String) out[2], matchesPattern("enc:[A-Za-z0-9_-]+"));
    assertThat(ProtectedText.reveal(KEYS, (String) out[2]), equalTo("ada@example.com"));
    assertThat(out[3], equalTo("************1111"));
    assertThat(out[4], equalTo(LocalDate.of(1985, 1, 1)));
    assertThat(out[5], equalTo(Instant.parse("2024-03-01T00:00:00Z")));
    assertThat(out[6], equalTo(30));
    assertThat(out[7], equalTo(new BigDecimal("52000.00")));
    assertThat(out[8], equalTo("DE"));
    assertThat(out.length, is(9));
  }

  @Test
  void tokensAreDeterministicAndDistinctAndEncryptionIsNot() throws Exception {
    CompiledStep step = STEP.compile(SCHEMA);
    Object[] first = step.apply(record(), new RecordIssues());
    Object[] again = step.apply(record(), new RecordIssues());
    Object[] other = record();
    other[0] = 43L;
    Object[] third = step.apply(other, new RecordIssues());

    assertThat(again[0], equalTo(first[0]));
    assertThat(third[0], not(equalTo(first[0])));
    assertThat("encryption is randomized", again[2], not(equalTo(first[2])));
    assertThat(
        "another keyset gives other tokens",
        ProtectionStep.of(DataKeys.generate(), FieldProtection.tokenize("customer_id"))
            .compile(SCHEMA)
            .apply(record(), new RecordIssues())[0],
        not(equalTo(first[0])));
  }

  @Test
  void deterministicEncryptionAndHashesAreStableAndHashesAreSalted() throws Exception {
    ProtectionStep step =
        ProtectionStep.of(
            KEYS, FieldProtection.encryptDeterministically("email"), FieldProtection.hash("card"));
    Object[] a = step.compile(SCHEMA).apply(record(), new RecordIssues());
    Object[] b = step.compile(SCHEMA).apply(record(), new RecordIssues());

    assertThat(a[2], equalTo(b[2]));
    assertThat((String) a[2], matchesPattern("det:[A-Za-z0-9_-]+"));
    assertThat(ProtectedText.reveal(KEYS, (String) a[2]), equalTo("ada@example.com"));
    assertThat((String) a[3], matchesPattern("sha256:[0-9a-f]{64}"));
    assertThat(a[3], equalTo(b[3]));
    // The unsalted SHA-256 of the card number, which a dictionary would find.
    assertThat(
        (String) a[3],
        not(containsString("9bbef19476623ca56c17da75fd57734dbf82530686043a6e491c6d71befe8f6e")));
  }

  @Test
  void nullsStayNullAndEdgeValuesAreProtected() throws Exception {
    Object[] nulls = new Object[SCHEMA.getFieldCount()];
    Object[] out = STEP.compile(SCHEMA).apply(nulls, new RecordIssues());
    for (Object value : out) {
      assertThat(value, nullValue());
    }
    assertThat(ValueProtector.mask(""), equalTo(""));
    assertThat(ValueProtector.mask("1234"), equalTo("***4"));
    assertThat("short values are not kept whole", ValueProtector.mask("ab"), equalTo("**"));
    assertThat("code points, not chars", ValueProtector.mask("Zoë 😀😀😀😀"), equalTo("******😀😀"));
    Object[] huge = record();
    huge[2] = "x".repeat(1 << 20);
    Object[] protectedHuge = STEP.compile(SCHEMA).apply(huge, new RecordIssues());
    assertThat(ProtectedText.reveal(KEYS, (String) protectedHuge[2]), equalTo(huge[2]));
    Object[] negative = record();
    negative[6] = -3;
    assertThat(STEP.compile(SCHEMA).apply(negative, new RecordIssues())[6], equalTo(-10));
  }

  @Test
  void theStepSurvivesSerializationWithItsKeys() throws Exception {
    ProtectionStep copy = SerializableUtils.clone(STEP);
    Object[] out = copy.compile(SCHEMA).apply(record(), new RecordIssues());
    assertThat(ProtectedText.reveal(KEYS, (String) out[2]), equalTo("ada@example.com"));
    assertThat(
        out[0], equalTo(STEP.compile(SCHEMA).apply(record(), new RecordIssues())[0]));
  }

  @Test
  void protectionThatCannotApplyIsRefusedBeforeAnyRecord() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProtectionStep.of(KEYS, FieldProtection.mask("phone")).outputSchema(SCHEMA));
    assertThat(missing.getMessage(), containsString("phone"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProtectionStep.of(KEYS, FieldProtection.generalize("email", FieldProtection.Granularity.YEAR))
                .outputSchema(SCHEMA));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtectionStep.of(KEYS, FieldProtection.generalizeInBands("age", new BigDecimal("2.5"))).outputSchema(SCHEMA));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtectionStep.of(KEYS, FieldProtection.mask("card"), FieldProtection.hash("card")));
  }

  @Test
  void tokensAndHashesCannotBeRevealed() {
    assertThrows(IllegalArgumentException.class, () -> ProtectedText.reveal(KEYS, "tok:00000001:abc"));
    assertThrows(IllegalArgumentException.class, () -> ProtectedText.reveal(KEYS, "plain"));
    assertThrows(
        java.security.GeneralSecurityException.class,
        () -> ProtectedText.reveal(DataKeys.generate(), ProtectedText.encrypt(KEYS, "x")));
  }

  @Test
  void describeNamesEachColumnAndMethodOnly() {
    assertThat(
        STEP.describe(),
        equalTo(
            List.of(
                "customer_id tokenize",
                "customer_ref tokenize",
                "email encrypt",
                "card mask",
                "birth_date generalize(year)",
                "seen_at generalize(month)",
                "age generalize(10)",
                "income generalize(1000)",
                "note drop")));
  }
}
