/** What a run's dataset checks found (metrics, check results), and the quality gate they decide. */
package org.datamesh.core.quality;
