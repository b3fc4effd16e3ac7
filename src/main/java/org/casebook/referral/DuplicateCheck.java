package org.casebook.referral;

import java.util.List;

/**
 * What the duplicate check at intake may tell the person taking a referral: the possible duplicates they may
 * open, by client code; and, without saying who or where, whether the details also match a client they may
 * not open.
 */
public record DuplicateCheck(List<PossibleDuplicate> visible, boolean matchElsewhere) {

    /** Said instead of any detail of a match the person may not open. */
    public static final String ELSEWHERE =
            "A possible match exists in another team or outside your caseload; your supervisor " + "has been told.";

    public static final DuplicateCheck NONE = new DuplicateCheck(List.of(), false);

    public DuplicateCheck {
        visible = List.copyOf(visible);
    }

    public boolean isEmpty() {
        return visible.isEmpty() && !matchElsewhere;
    }
}
