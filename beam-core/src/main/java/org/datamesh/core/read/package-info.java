/** Reading published products as consumers do: through the manifest, as a role. */
package org.datamesh.core.read;
