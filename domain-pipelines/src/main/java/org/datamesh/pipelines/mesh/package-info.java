/** The mesh of the seeds: the source and consumer products and the order they are built in. */
package org.datamesh.pipelines.mesh;
