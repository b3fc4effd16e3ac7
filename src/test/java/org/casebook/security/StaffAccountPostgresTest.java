package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

class StaffAccountPostgresTest extends PostgresTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffAccountRepository accounts;

    @Test
    void migrationsRunOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where success = false", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '1'", Integer.class))
                .isOne();
    }

    @Test
    @Transactional
    void accountsLoadWithTheirRolesAndTeam() {
        var counsellor = accounts.findByUsername("counsellor2").orElseThrow();
        assertThat(counsellor.roles()).containsExactly(Role.COUNSELLOR);
        assertThat(counsellor.team()).isNotNull();
        assertThat(accounts.findTeamMembersOf(
                        accounts.findByUsername("supervisor").orElseThrow().id()))
                .extracting(StaffAccount::username)
                .containsExactly("counsellor1", "counsellor2");
    }

    @Test
    void databaseRejectsAnUnknownRole() {
        var id = accounts.findByUsername("admin").orElseThrow().id();
        assertThatThrownBy(() -> jdbc.update("insert into staff_role (account_id, role) values (?, 'SUPERUSER')", id))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
