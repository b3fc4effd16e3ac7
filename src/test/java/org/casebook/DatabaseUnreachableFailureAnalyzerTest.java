package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DatabaseUnreachableFailureAnalyzerTest {

    @Test
    void productionStartFailsWithAClearMessageWhenPostgresIsUnreachable(@TempDir Path keys) throws Exception {
        var masterKey = TestKeyset.newMasterKey();
        var keyset = TestKeyset.create(keys, masterKey);
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var failure = catchThrowable(() -> new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("prod")
                .properties(
                        "CASEBOOK_DB_URL=jdbc:postgresql://127.0.0.1:" + closedPort + "/casebook",
                        "CASEBOOK_DB_USER=casebook",
                        "CASEBOOK_DB_PASSWORD=unused",
                        "server.port=0",
                        "CASEBOOK_KEYSET_FILE=" + keyset,
                        "CASEBOOK_MASTER_KEY=" + masterKey,
                        "spring.main.banner-mode=off",
                        "CASEBOOK_AUDIT_KEY=dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5",
                        "CASEBOOK_MATCH_KEY=dGVzdC1vbmx5LW1hdGNoLWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5YWJj")
                .run());
        assertThat(failure).isNotNull();
        var analysis = new DatabaseUnreachableFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Casebook cannot reach its database");
        assertThat(analysis.getAction()).contains("CASEBOOK_DB_URL");
    }

    @Test
    void otherDatabaseErrorsAreLeftToSpringBoot() {
        var badSql = new SQLException("syntax error", "42601");
        assertThat(new DatabaseUnreachableFailureAnalyzer().analyze(new IllegalStateException(badSql)))
                .isNull();
        var refused = new SQLException("refused", "08001", new ConnectException("Connection refused"));
        assertThat(new DatabaseUnreachableFailureAnalyzer().analyze(refused)).isNotNull();
    }
}
