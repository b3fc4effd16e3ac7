/**
 * The load-data generator ({@code --casebook.command=generate-data --clients=100000}): fictional clients,
 * staff, sessions, notes, plans, concerns and audit entries, written in bulk on PostgreSQL through the real
 * schema, sealed with the real keyset and chained into the real audit ledger, for benchmarks and load
 * tests. Never on a database that holds real accounts.
 */
@NullMarked
package org.casebook.loaddata;

import org.jspecify.annotations.NullMarked;
