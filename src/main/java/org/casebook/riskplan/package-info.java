/**
 * Risk-minimisation plans (versioned, with two risk ratings and a review schedule), structured reviews of
 * dynamic risk areas, dates that raise a client's risk to self, and safeguarding concerns (write-once,
 * decided by supervisors). Every service call asks {@link org.casebook.client.CaseAccessPolicy} first and
 * audits with the client code; all clinical text is sealed.
 */
@NullMarked
package org.casebook.riskplan;

import org.jspecify.annotations.NullMarked;
