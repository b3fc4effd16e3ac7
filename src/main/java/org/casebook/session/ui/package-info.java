/** Appointments and notes of a client, the note page, and their parts of the home view and the client page. */
@NullMarked
package org.casebook.session.ui;

import org.jspecify.annotations.NullMarked;
