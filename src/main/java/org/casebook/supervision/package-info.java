/**
 * Supervision: the supervisor's dashboard of their team (figures per counsellor, each opening the list
 * behind it, and charts), reassignment of a client within the team, clinical supervision records, and
 * the review of break-glass accesses.
 *
 * <p>Figures are counted by the modules that own the data (aggregate queries there); this module asks
 * them for the signed-in supervisor's teams and puts the picture together.
 */
@NullMarked
package org.casebook.supervision;

import org.jspecify.annotations.NullMarked;
