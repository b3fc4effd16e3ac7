/** Sign-in and a person's own account screens. */
@NullMarked
package org.casebook.security.ui;

import org.jspecify.annotations.NullMarked;
