/** {@code datamesh read}: a published product's rows as a role reads them. */
package org.datamesh.examples.read;
