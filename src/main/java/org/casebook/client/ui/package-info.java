/** The caseload and the client page. */
@NullMarked
package org.casebook.client.ui;

import org.jspecify.annotations.NullMarked;
