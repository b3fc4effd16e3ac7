package org.casebook.dataprotection;

/**
 * One line of the retention schedule, as the Data retention page shows it: no record, only the rule.
 *
 * @param recordType the kind of record
 * @param keptFor how long, in words ("7 years")
 * @param from from when the period runs
 * @param basis the reason behind the figure
 * @param howEnforced what Casebook does when the period ends
 */
public record ScheduleEntry(String recordType, String keptFor, String from, String basis, String howEnforced) {}
