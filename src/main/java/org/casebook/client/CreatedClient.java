package org.casebook.client;

/** A client just recorded: their id and the client code to use everywhere else. */
public record CreatedClient(ClientId id, String code) {}
