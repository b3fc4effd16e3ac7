package org.casebook.dataprotection;

/** A produced subject access export: a ZIP holding the PDF and the JSON. */
public record SarExport(String fileName, byte[] zip) {}
