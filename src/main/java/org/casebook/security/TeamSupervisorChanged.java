package org.casebook.security;

/** Published when an administrator (the signed-in person) sets who leads a team. */
public record TeamSupervisorChanged(long teamId, long supervisorId) {}
