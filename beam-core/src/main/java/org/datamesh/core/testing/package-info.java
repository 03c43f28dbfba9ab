/**
 * Test support for pipelines built with datamesh-beam: a JUnit 5 extension giving tests a
 * {@code TestPipeline}, and Hamcrest matchers for rows and failures. Needs JUnit 5, JUnit 4 (for
 * Beam's {@code TestPipeline}) and Hamcrest on the test classpath.
 */
package org.datamesh.core.testing;
