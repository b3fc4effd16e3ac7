package org.casebook.security;

/**
 * Published when an administrator's change is refused by separation of duties (their own roles, team or
 * team leadership; Administrator beside a clinical role; an administrator leading a team). The audit
 * module records it as a denied access; the rule names which duty, never anything clinical.
 */
public record AccountChangeDenied(String recordType, String recordId, String rule) {}
