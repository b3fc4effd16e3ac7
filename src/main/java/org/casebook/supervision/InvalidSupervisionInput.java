package org.casebook.supervision;

import org.casebook.validation.InvalidFields;

/** Input refused by a supervision service, with the field it concerns so a form can show it there. */
public class InvalidSupervisionInput extends InvalidFields {

    /** The fields a message may concern. */
    public enum Field { HELD_ON, COUNSELLOR, CLIENTS, DISCUSSION, AGREED_ACTIONS, REASON }

    private final Field field;

    public InvalidSupervisionInput(Field field, String message) {
        super(field.name(), message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
