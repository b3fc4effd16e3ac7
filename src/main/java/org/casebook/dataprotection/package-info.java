/**
 * Data protection (UK GDPR): the retention schedule and the daily job that lists records past their date for a
 * supervisor's approval, anonymisation (each module blanks its own rows through
 * {@link org.casebook.client.ClientErasure}), legal holds, and the rights of the person: the request log with
 * due dates, subject access exports (PDF and JSON in a ZIP, reviewed and redacted first, each module
 * contributing through {@link org.casebook.client.SubjectAccessSource}), rectification with history, and
 * erasure requests with their decisions. Need-to-know is {@link org.casebook.client.CaseAccessPolicy}'s; every
 * step is audited; exports and anonymisation ask for a fresh re-authentication.
 */
@NullMarked
package org.casebook.dataprotection;

import org.jspecify.annotations.NullMarked;
