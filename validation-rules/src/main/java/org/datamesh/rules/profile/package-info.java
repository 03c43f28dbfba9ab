/** Profiling a dataset in one pass, and an ODCS contract suggested from the profile. */
package org.datamesh.rules.profile;
