/** The plan page, raising a safeguarding concern, the supervisors' queue, and this module's home and client-page sections. */
@NullMarked
package org.casebook.riskplan.ui;

import org.jspecify.annotations.NullMarked;
