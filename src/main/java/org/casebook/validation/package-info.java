/**
 * What every service checks in what a person typed or picked, in one place: the sensible range of each
 * kind of date ({@link DateRange}), the length of each kind of text and what counts as blank ({@link Text}),
 * and the one exception that carries a message per field ({@link InvalidFields}). No Spring, no Vaadin:
 * every module may use it, and the views bind its messages to their fields.
 */
@NullMarked
package org.casebook.validation;

import org.jspecify.annotations.NullMarked;
