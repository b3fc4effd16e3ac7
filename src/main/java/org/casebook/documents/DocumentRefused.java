package org.casebook.documents;

/** An upload the service does not accept (wrong type, too large, empty); the message is for the person. */
public class DocumentRefused extends IllegalArgumentException {

    DocumentRefused(String message) {
        super(message);
    }
}
