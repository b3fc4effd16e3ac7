/**
 * The pseudonymised client record: who the client is, how they may safely be contacted, the status of
 * their case and who works with them; and need-to-know, the one place that decides who may open it.
 *
 * <p>Every other clinical module asks {@link org.casebook.client.CaseAccessPolicy} before it reads or
 * changes anything that belongs to a client, and refers to clients by {@link org.casebook.client.ClientId}
 * and their client code, never by name. Modules that know more about a case (appointments, the risk
 * plan) contribute to lists and the client page through the interfaces here
 * ({@link org.casebook.client.AppointmentFacts}, {@link org.casebook.client.RiskFacts},
 * {@link org.casebook.client.ClientPageSection}), so this module depends on none of them.
 */
@NullMarked
package org.casebook.client;

import org.jspecify.annotations.NullMarked;
