package org.casebook.security;

/** Published when a code is refused at sign-in or enrolment. The code itself is never part of it. */
public record SecondFactorFailed(long accountId, String username, String reason) {}
