package org.datamesh.examples.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The word the help shows for an option's value when the option's name alone would mislead:
 * {@code --output} is a folder for {@code run} but a file for {@code profile}.
 *
 * <pre>{@code
 * @Description("The contract file to write (required)")
 * @Placeholder("FILE")
 * String getOutput();
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Placeholder {
  String value();
}
