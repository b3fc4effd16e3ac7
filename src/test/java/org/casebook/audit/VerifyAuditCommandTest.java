package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.casebook.CasebookApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The operator's command: {@code java -jar casebook.jar --casebook.command=verify-audit}. */
@ExtendWith(OutputCaptureExtension.class)
class VerifyAuditCommandTest {

    private static final String DB = "jdbc:h2:mem:verify-command;DB_CLOSE_DELAY=-1";

    private static int runCommand() {
        var context = new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("test", "command")
                .run("--casebook.command=verify-audit", "--spring.datasource.url=" + DB);
        return SpringApplication.exit(context);
    }

    @Test
    void commandExitsZeroWhenIntactAndOneWhenBroken(CapturedOutput output) throws Exception {
        assertThat(runCommand()).isZero();
        assertThat(output).contains("The audit log is intact");

        try (var connection = DriverManager.getConnection(DB, "casebook", "");
                var statement = connection.createStatement()) {
            statement.execute("insert into audit_entry (" + StoredEntry.COLUMNS + ") values (1, 0, null, 'intruder', "
                    + "null, 'VIEW', null, null, null, 'SUCCESS', null, null, null, X'01', null, 0, null)");
        }
        assertThat(runCommand()).isOne();
        assertThat(output).contains("Entry 1 was not written by Casebook");
    }
}
