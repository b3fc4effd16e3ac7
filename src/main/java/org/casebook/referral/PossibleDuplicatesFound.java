package org.casebook.referral;

import java.util.List;

/** Thrown when a referral is saved without the person having seen its possible duplicates. */
public class PossibleDuplicatesFound extends IllegalStateException {

    private final List<PossibleDuplicate> duplicates;

    PossibleDuplicatesFound(List<PossibleDuplicate> duplicates) {
        super("This may be someone already known: check the possible duplicates before saving.");
        this.duplicates = List.copyOf(duplicates);
    }

    public List<PossibleDuplicate> duplicates() {
        return duplicates;
    }
}
