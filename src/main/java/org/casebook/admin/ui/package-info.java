/** The administrators' screens: staff accounts and teams. */
@NullMarked
package org.casebook.admin.ui;

import org.jspecify.annotations.NullMarked;
