/**
 * Putting rows into canonical form, one small function per field: clean text, null tokens, UTC
 * timestamps, dates, E.164 phone numbers, ISO country and currency codes, currency-scaled amounts,
 * e-mail domains, booleans and units.
 */
package org.datamesh.core.standardize;
