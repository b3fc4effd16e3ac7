/**
 * The charity's date and time: one "today" for every module, in the charity's time zone
 * ({@code casebook.time-zone}), from the one injected {@link java.time.Clock}. Depends on no other module.
 */
@NullMarked
package org.casebook.time;

import org.jspecify.annotations.NullMarked;
