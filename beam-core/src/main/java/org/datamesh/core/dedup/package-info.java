/** Setting aside duplicate records of the same key, keeping the latest. */
package org.datamesh.core.dedup;
