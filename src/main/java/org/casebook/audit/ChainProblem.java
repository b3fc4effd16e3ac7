package org.casebook.audit;

/** Why verification stopped at an entry. */
public enum ChainProblem {
    /** An entry's fields no longer match its keyed hash. */
    CHANGED,
    /** Entries are missing: a gap in the numbers, or a tail cut off. */
    MISSING,
    /** An entry that Casebook did not write. */
    INSERTED,
    /** Authentic entries in the wrong order. */
    REORDERED
}
