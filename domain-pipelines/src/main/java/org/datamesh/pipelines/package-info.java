/** Domain data products composed from the core transforms and rules. */
package org.datamesh.pipelines;
