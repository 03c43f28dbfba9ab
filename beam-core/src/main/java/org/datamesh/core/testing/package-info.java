/**
 * Test support for pipelines built with datamesh-beam: a JUnit 5 extension giving tests a {@code
 * TestPipeline}, {@code ProductTestInput} for a whole product's input held in memory, and
 * Hamcrest matchers for rows and failures. Needs JUnit 5, JUnit 4 (Beam's {@code TestPipeline} is
 * a JUnit 4 rule) and Hamcrest on the test classpath.
 */
package org.datamesh.core.testing;
