package org.casebook.security;

/** Counts of active accounts, for an administrator. */
public record AccountOverview(long activeAccounts, long counsellors, long supervisors, long administrators) {}
