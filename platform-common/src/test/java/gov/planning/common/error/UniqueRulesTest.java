package gov.planning.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class UniqueRulesTest {

    @BeforeEach
    void rule() {
        System.setProperty("planning.unique-rules.thing_once", "a thing with this name already exists");
    }

    @AfterEach
    void clear() {
        System.clearProperty("planning.unique-rules.thing_once");
    }

    @Test
    void aUniqueViolationFromHibernateIsConflictNamingTheConfiguredRule() {
        var violation = new ConstraintViolationException("could not execute statement",
                new SQLException("ERROR: duplicate key value violates unique constraint \"thing_once\"", "23505"), "thing_once");

        Throwable mapped = UniqueRules.toConflict(new CompletionException(violation));

        assertThat(mapped).isInstanceOf(ConflictException.class).hasMessage("a thing with this name already exists");
    }

    @Test
    void aUniqueViolationStraightFromThePostgresClientIsConflictToo() {
        var pg = new PgException("duplicate key value violates unique constraint \"thing_once\"", "ERROR", "23505",
                "Key (name)=(x) already exists.");

        assertThat(UniqueRules.toConflict(pg)).isInstanceOf(ConflictException.class)
                .hasMessage("a thing with this name already exists");
    }

    @Test
    void anExclusionViolationOfAnUnconfiguredConstraintIsConflictWithoutTheConstraintName() {
        var pg = new PgException("conflicting key value violates exclusion constraint \"secret_internal_name\"", "ERROR",
                "23P01", null);

        Throwable mapped = UniqueRules.toConflict(pg);

        assertThat(mapped).isInstanceOf(ConflictException.class);
        assertThat(mapped.getMessage()).doesNotContain("secret_internal_name").contains("duplicate");
    }

    @Test
    void otherDatabaseErrorsAndPlatformErrorsPassUnchanged() {
        var check = new PgException("new row violates check constraint \"x\"", "ERROR", "23514", null);
        var refused = new ForbiddenException("no");

        assertThat(UniqueRules.toConflict(check)).isSameAs(check);
        assertThat(UniqueRules.toConflict(refused)).isSameAs(refused);
    }
}
