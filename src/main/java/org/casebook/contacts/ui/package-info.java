/** The contacts directory view and the client page's contacts and contact log. */
@NullMarked
package org.casebook.contacts.ui;

import org.jspecify.annotations.NullMarked;
