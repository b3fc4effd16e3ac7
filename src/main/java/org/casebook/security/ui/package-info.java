/** Sign-in screens. */
@NullMarked
package org.casebook.security.ui;

import org.jspecify.annotations.NullMarked;
