package org.casebook.documents;

/** What a client document is. */
public enum DocumentCategory {
    REFERRAL_LETTER("Referral letter"),
    COURT_ORDER("Court order"),
    LICENCE_CONDITIONS("Licence conditions"),
    LETTER_SENT("Letter sent"),
    REPORT("Report"),
    OTHER("Other");

    private final String label;

    DocumentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
