/**
 * Where a person's journey with the charity begins: referral intake (with safe-contact instructions,
 * the urgent signs and possible duplicates), triage, the waiting list, assignment to a counsellor,
 * exclusions and closing a case. The client record itself belongs to {@link org.casebook.client}; this
 * module changes it only through {@link org.casebook.client.ClientRecords}.
 */
@NullMarked
package org.casebook.referral;

import org.jspecify.annotations.NullMarked;
