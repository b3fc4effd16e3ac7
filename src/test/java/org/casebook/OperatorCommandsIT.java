package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The jar's {@code --casebook.command=...} as an operator (or a scheduled check) runs it against production. */
class OperatorCommandsIT {

    @Test
    void aMistypedCommandExitsNonZeroAndListsTheCommands() {
        var result = CasebookUnderTest.shared().runCommand("--casebook.command=verify-audti");
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("Unknown command: --casebook.command=verify-audti")
                .contains(
                        "--casebook.command=verify-audit",
                        "--casebook.command=create-admin",
                        "--casebook.command=remove-demo-accounts",
                        "--casebook.create-keyset");
    }

    @Test
    void verifyAuditPassesOnTheProductionDatabaseTheJourneysWroteTo() {
        var result = CasebookUnderTest.shared().runCommand("--casebook.command=verify-audit");
        assertThat(result.output()).contains("Verifying the audit log");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
