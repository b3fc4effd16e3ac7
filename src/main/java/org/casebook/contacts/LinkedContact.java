package org.casebook.contacts;

/** A directory entry linked to a client, with what they are to the client. */
public record LinkedContact(ContactRow contact, String relationship) {}
