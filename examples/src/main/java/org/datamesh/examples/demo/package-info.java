/** The {@code demo} command: sample data with known defects, built into a published product. */
package org.datamesh.examples.demo;
