/**
 * The counsellor's daily work: appointments and their attendance, session notes (drafted as the
 * counsellor types, signed and then locked, corrected only by signed addenda, co-signed by a supervisor)
 * and the CORE-10 outcome measure.
 *
 * <p>Every service method asks {@link org.casebook.client.CaseAccessPolicy} first and audits with the
 * client code. The views live in {@code ui}; other modules reach what happens here through
 * {@link org.casebook.client.AppointmentFacts} and {@link org.casebook.session.SessionFigures}.
 */
@NullMarked
package org.casebook.session;

import org.jspecify.annotations.NullMarked;
