package org.casebook.client;

/** A personal detail a client may ask to have corrected (rectification). */
public enum PersonalDetail {
    PREFERRED_NAME("Preferred name"),
    YEAR_OF_BIRTH("Year of birth"),
    POSTCODE_DISTRICT("Postcode district"),
    PHONE("Phone"),
    EMAIL("Email"),
    POSTAL_ADDRESS("Postal address");

    private final String label;

    PersonalDetail(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
