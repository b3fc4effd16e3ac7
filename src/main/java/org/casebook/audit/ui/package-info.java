/** The audit log screen. */
@NullMarked
package org.casebook.audit.ui;

import org.jspecify.annotations.NullMarked;
