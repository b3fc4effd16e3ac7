/**
 * The tamper-evident audit log, kept as a ledger.
 *
 * <p>Other modules call {@link org.casebook.audit.AuditLog#record} inside their own transaction, so
 * an action and its entry commit or roll back together; never asynchronously, never after commit.
 * Entries hold who, what, which record and client code, the outcome and a reason; never clinical
 * content, never a password. {@link org.casebook.audit.AuditService} searches, exports and verifies the log.
 *
 * <h2>Design: entries MAC'd by their writers, blocks chained by one sequencer</h2>
 *
 * <p>Until the ledger, every writer locked the chain-head row until its commit so that each entry could
 * hash the one before: writers took turns, and appends did not scale with writers. The ledger follows
 * SQL Server's ledger tables instead: a transaction protects its own rows as it writes them, with no
 * lock shared with other writers, and committed rows are chained afterwards.
 *
 * <ul>
 *   <li><b>Writing.</b> An entry is inserted with its own MAC (column {@code hash}): HMAC-SHA-256 with
 *       the audit key, which the database never sees, over a domain tag, its writer, its writer number
 *       and all its fields ({@link org.casebook.audit.ChainHasher#mac}). Its storage number {@code seq}
 *       comes from a database sequence in the same INSERT (gaps from rolled-back transactions are
 *       allowed there). Nothing is locked beyond the new row.</li>
 *   <li><b>Writers.</b> A writer is a slot of one application instance ({@code <instance uuid>/<n>}).
 *       A transaction takes an idle slot at its first entry and gives it back when it completes, so a
 *       slot serves one transaction at a time; the slot's numbers advance on commit and are reused after
 *       a rollback. Each writer's committed entries are therefore numbered 1, 2, 3, ... without gaps
 *       (unique index on writer and number). A nested {@code REQUIRES_NEW} transaction takes another
 *       slot; a slot whose commit outcome is unknown is retired, ending its numbering.</li>
 *   <li><b>Chaining.</b> {@link org.casebook.audit.AuditSequencer} runs every
 *       {@code casebook.audit.chain-interval} (1 s) on every instance; it locks the ledger-head row
 *       ({@code select ... for update}: the ledger's only shared lock, never taken by writers), so one
 *       instance chains at a time and the others then find nothing, or only what committed since. It
 *       collects every committed entry whose {@code block_no} is still NULL, in number order (at most
 *       10,000 a block), sets their {@code block_no}, and appends a block whose keyed hash covers its
 *       number, entry count, seal time, the previous block's hash and each entry's number and MAC in
 *       order, then moves the head; all in one transaction, so a crash leaves nothing half done and
 *       the next run chains the same entries again, once. An entry whose transaction took a low number
 *       but committed after higher numbers were chained is simply collected by a later run: blocks
 *       follow commit order, and the block records exactly which entries it holds. The database
 *       triggers (PostgreSQL, and H2's Java triggers) still refuse every UPDATE, DELETE and TRUNCATE
 *       except one: setting an entry's {@code block_no} from NULL with every other column unchanged
 *       (on PostgreSQL the application role may update that column only).</li>
 *   <li><b>Bound.</b> An entry committed at time t is in a block by t + chain interval + one run
 *       (milliseconds to tens of milliseconds for a full block), so within about 1 to 2 seconds (measured on
 *       a heavily loaded 2-core machine: median 0.5 to 1.4 s, at most 2.1 s; README, Performance).
 *       Verification and the {@code /audit} view count entries not yet chained and report those written
 *       longer than {@code casebook.audit.chain-bound} (10 s) ago: the sequencer is then not running.
 *       (An entry is timed from its writing, by the writer's clock, so one written early in a
 *       transaction that stays open longer than the bound looks late until the next run after its
 *       commit.)</li>
 *   <li><b>Anchors.</b> Every {@code casebook.audit.anchor-interval} the ledger head (block and hash) is
 *       appended to the anchor file outside the database, each line keyed like the ledger.</li>
 *   <li><b>Legacy entries.</b> Entries written before the ledger (migration V21) are block 0: they keep
 *       their previous-hash chain and are verified exactly as before against the now frozen
 *       {@code audit_chain_head}, whose hash is block 0's hash and block 1's previous hash. Old anchor
 *       lines ({@code seq hash ...}) still check legacy entries.</li>
 *   <li><b>Verification</b> ({@link org.casebook.audit.AuditVerifier}) reads one repeatable-read snapshot
 *       in one streamed pass ordered by block and number, never holding the log in memory: entry MACs are
 *       independent, so they are checked in batches on worker threads, while the reading thread checks
 *       what depends on order. It reports the first problem by position. On PostgreSQL the rows come as
 *       binary COPY, in chunks of blocks read ahead by two connections sharing the snapshot
 *       ({@code pg_export_snapshot}), and each MAC is checked over the row's bytes as they arrived: one
 *       backend producing rows was the limit (README, Performance).</li>
 * </ul>
 *
 * <h2>What verification finds, and what it cannot</h2>
 *
 * <p>Against anyone with write access to the database, superusers included, but without the key:
 * <ul>
 *   <li>an edited entry, chained or not: its MAC (CHANGED);</li>
 *   <li>a forged entry: its MAC; reported as INSERTED when its writer position is not its own (a new
 *       writer, none, or a repeated number), otherwise as CHANGED; a copy of a genuine entry (with its
 *       genuine MAC) repeats its writer's number (INSERTED);</li>
 *   <li>a removed chained entry: the gap in its writer's numbering, and its block's count and hash
 *       (MISSING);</li>
 *   <li>the new window, an entry removed after its commit but before it was chained: the gap in its
 *       writer's numbering as soon as that writer has committed a later entry (MISSING). If it was its
 *       writer's latest entry, the writing instance's witness (run with the sequencer) finds it missing
 *       within one interval, logs an {@code AUDIT LOG INTEGRITY ALERT} and records an alert entry through
 *       the same writer, whose next number then shows the gap to verification too;</li>
 *   <li>reordering: entries of one writer out of number order (REORDERED); entries renumbered or moved
 *       between blocks (the blocks' counts and hashes); blocks swapped (a block's previous hash,
 *       REORDERED);</li>
 *   <li>truncation: blocks cut off the end (the ledger head), also with the head moved back (the anchor
 *       file); an edited anchor line (its own MAC).</li>
 * </ul>
 *
 * <p>Not detectable:
 * <ul>
 *   <li>anything done by someone who holds the audit key, other than cutting off what an anchor they
 *       cannot edit has recorded;</li>
 *   <li>removing a writer's latest entries before they are chained when the instance that wrote them
 *       stops (crash or shutdown) before its witness has seen them chained: a window of at most about
 *       one chain interval plus a run, and only for the last entries of each writer of that instance;</li>
 *   <li>changing an unchained entry's storage number {@code seq} (not under its MAC, so that the INSERT
 *       needs no second round trip) or {@code written_ms}: its content, author, time and place in its
 *       writer's order stay protected, and the number is bound by its block once chained;</li>
 *   <li>the exact commit order of concurrent transactions: blocks record the order in which the
 *       sequencer saw commits, and within a block entries are in number order.</li>
 * </ul>
 */
@NullMarked
package org.casebook.audit;

import org.jspecify.annotations.NullMarked;
