/**
 * Client documents: files uploaded to a client (referral letter, court order, licence conditions, letters
 * sent), in categories with a date. Each upload is a new version; none is overwritten. The type is read from
 * the content (Apache Tika's detector), the size is limited, and the content is sealed in chunks as it
 * streams in, so it never exists unencrypted on disk. Reading follows need-to-know and is audited.
 *
 * <p>Client data: {@code client_document} (sealed title), {@code client_document_version} (sealed file
 * name), {@code client_document_chunk} (sealed content).
 */
@NullMarked
package org.casebook.documents;

import org.jspecify.annotations.NullMarked;
