/**
 * Encryption at rest for clinical text and for every field that identifies a client.
 *
 * <p>Public surface: {@link org.casebook.encryption.FieldEncryption} ({@code seal} before a value goes to
 * the database, {@code open} after it comes back), {@link org.casebook.encryption.FieldContext} (where a
 * value belongs: table, column, row id), {@link org.casebook.encryption.EncryptedColumn} (a module's
 * declaration of one encrypted column, as a bean), {@link org.casebook.encryption.FieldDecryptionException}
 * and {@link org.casebook.encryption.EncryptionCommands} (the key and re-encryption commands of the jar).
 *
 * <h2>How a clinical module uses it</h2>
 * <ul>
 *   <li>Rows get application-assigned ids (UUIDs), so the id is known before the insert.</li>
 *   <li>Each encrypted column is {@code bytea} in the migration (H2 reads that as {@code VARBINARY}) and
 *       {@code byte[]} in the entity, and is declared once as an {@code EncryptedColumn} bean; the service
 *       uses the same constant to build the {@code FieldContext} for {@code seal} and {@code open}.</li>
 *   <li>Services call {@code seal}/{@code open} explicitly; entities never see plaintext fields, and
 *       plaintext never goes into a log line, an exception message or an audit entry.</li>
 * </ul>
 *
 * <h2>Why bytes, not base64 text</h2>
 * Ciphertext is stored as {@code bytea}: it cannot be mistaken for text (nobody can add a {@code like}
 * search or an {@code order by} on it and get plausible nonsense), it is a third smaller than base64,
 * and the first five bytes are Tink's key-id prefix, so "rows still on an old key" is a plain
 * {@code substring(column from 1 for 5) <> ?} in both PostgreSQL and H2.
 *
 * <h2>What encrypted fields cannot do, and what we do instead</h2>
 * Encryption is randomised (AES-256-GCM with a fresh nonce), so the database cannot search, sort,
 * group or compare encrypted values, and must not try. Lists therefore show the client code (the
 * pseudonymous identifier, stored in clear) and non-sensitive metadata (dates, status, counsellor,
 * risk level as a code); search is by client code; sorting is by those clear columns. A screen that
 * needs an encrypted value opens one record and decrypts it there.
 *
 * <h2>Binding</h2>
 * Every ciphertext is bound to its table, column and row id through Tink's associated data: a
 * ciphertext copied to another row, column or table does not decrypt, and {@code open} throws a
 * {@code FieldDecryptionException} naming the place (never the content) instead of showing it.
 */
@NullMarked
package org.casebook.encryption;

import org.jspecify.annotations.NullMarked;
