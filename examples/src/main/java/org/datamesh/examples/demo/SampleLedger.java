package org.datamesh.examples.demo;

import java.util.Map;

/**
 * What the sample generator wrote and therefore what a correct run must report.
 *
 * @param records records in the file (orders plus re-sent duplicates)
 * @param published orders without defects: each must be published once
 * @param quarantined records with a defect
 * @param duplicates re-sent copies of clean orders
 * @param quarantinedByStage stage name to records it must quarantine
 * @param bulkRecords records of clean orders with an unusually large quantity, re-sent copies
 *     included: the WARN rule sees every record that passes validation, before deduplication
 */
public record SampleLedger(
    long records,
    long published,
    long quarantined,
    long duplicates,
    Map<String, Long> quarantinedByStage,
    long bulkRecords) {}
