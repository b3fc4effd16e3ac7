/** Screens for referral intake, the waiting list, triage and assignment. */
@NullMarked
package org.casebook.referral.ui;

import org.jspecify.annotations.NullMarked;
