/** Record rules, rule sets and the {@link org.datamesh.rules.Validate} transform. */
package org.datamesh.rules;
