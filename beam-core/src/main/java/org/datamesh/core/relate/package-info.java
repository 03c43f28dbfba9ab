/**
 * Referential integrity: {@link org.datamesh.core.relate.Relationship}s between a product's tables,
 * or to a table of a published product, checked by {@link
 * org.datamesh.core.relate.CheckRelationship}; rows without a match fail like any other rule.
 */
package org.datamesh.core.relate;
