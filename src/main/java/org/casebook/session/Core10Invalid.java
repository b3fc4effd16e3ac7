package org.casebook.session;

import org.casebook.validation.InvalidFields;

/** A CORE-10 entry that cannot be recorded, naming the field at fault so the form can mark it. */
public class Core10Invalid extends InvalidFields {

    public static final int DATE = -1;
    public static final int POINT = -2;

    private final int field;

    Core10Invalid(int field, String message) {
        super(field == DATE ? "measuredOn" : field == POINT ? "point" : "item" + field, message);
        this.field = field;
    }

    /** The item (1 to 10), or {@link #DATE} or {@link #POINT}. */
    public int field() {
        return field;
    }
}
