/** The home page's list of things to do, and the dialog that adds a task. */
@NullMarked
package org.casebook.tasks.ui;

import org.jspecify.annotations.NullMarked;
