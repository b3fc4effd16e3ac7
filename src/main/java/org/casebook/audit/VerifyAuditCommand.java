package org.casebook.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar casebook.jar --casebook.command=verify-audit}: verifies the chain and its anchors
 * for an operator, prints the outcome and exits 0 when intact, 1 when broken.
 */
@Component
@ConditionalOnProperty(name = "casebook.command", havingValue = "verify-audit")
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditVerifier verifier;
    private final PrintStream out = System.out;
    private int exitCode = 1;

    VerifyAuditCommand(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void run(ApplicationArguments args) {
        out.println("Verifying the audit log ...");
        var result = verifier.verify();
        out.println(result.message());
        out.printf(
                "%d entries and %d anchors checked in %d ms%n",
                result.entriesChecked(), result.anchorsChecked(), result.took().toMillis());
        exitCode = result.intact() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
