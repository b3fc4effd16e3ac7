package org.casebook.client;

/**
 * One module's part of anonymising a client: each module that holds personal details or clinical text about
 * a client implements this as a bean and blanks its own rows (encrypted columns nulled or overwritten with
 * nothing, never merely left without a key), keeping what the figures count (the client code, dates,
 * categories, scores). The data-protection module calls every implementation in one transaction, after a
 * supervisor approved the anonymisation, with the write-once exception for anonymisation switched on (see
 * {@code dataprotection.Anonymiser}); a module added later contributes its step by adding a bean.
 */
public interface ClientErasure {

    /** A short name for the audit entry and the log, such as {@code "session"}. */
    String module();

    /** Blanks this module's personal and clinical content about the client; returns how many rows changed. */
    int erase(ClientId client);
}
