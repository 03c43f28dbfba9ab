/** Coders for records where they cross a runner's shuffle or operator boundary. */
package org.datamesh.core.coders;
