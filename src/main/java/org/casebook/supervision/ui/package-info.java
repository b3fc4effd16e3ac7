/** The supervision dashboard, supervision records and the break-glass review queue. */
@NullMarked
package org.casebook.supervision.ui;

import org.jspecify.annotations.NullMarked;
