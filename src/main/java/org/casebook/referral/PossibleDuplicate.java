package org.casebook.referral;

import org.casebook.client.CaseStatus;

/** An existing client who may be the same person: by client code only, and what matched. */
public record PossibleDuplicate(String code, CaseStatus status, String matchedOn) {}
