package org.casebook.session;

/** Someone saved the note after this person opened it: their save is refused rather than overwriting. */
public class NoteConflict extends RuntimeException {

    public static final String MESSAGE =
            "This note was saved elsewhere (another window or person) after you opened it. "
                    + "Your text has not been saved; it is still on your screen. Copy what you need, then reload the note.";

    NoteConflict() {
        super(MESSAGE);
    }
}
