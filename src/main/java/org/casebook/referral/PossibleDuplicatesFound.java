package org.casebook.referral;

/** Thrown when a referral is saved without the person having seen its possible duplicates. */
public class PossibleDuplicatesFound extends IllegalStateException {

    private final DuplicateCheck check;

    PossibleDuplicatesFound(DuplicateCheck check) {
        super("This may be someone already known: check the possible duplicates before saving.");
        this.check = check;
    }

    public DuplicateCheck check() {
        return check;
    }
}
