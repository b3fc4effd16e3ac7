/**
 * Contacts around the client: a directory of third parties (probation officer, GP, solicitor, social
 * worker, police contact), their links to clients with the relationship, and a log per client of calls,
 * texts, emails, letters and missed contacts, which also appears in the client's case history.
 *
 * <p>Client data: {@code client_contact} and {@code client_contact_log} (sealed relationship, who and
 * summary, with the client's id and code); {@code contact} holds professionals' sealed details.
 */
@NullMarked
package org.casebook.contacts;

import org.jspecify.annotations.NullMarked;
