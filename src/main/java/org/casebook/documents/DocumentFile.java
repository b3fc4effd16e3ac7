package org.casebook.documents;

/** What a download needs to know before the content flows: the file's name, type and size. */
public record DocumentFile(String fileName, String mediaType, long size) {}
