package nl.klantreis.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean "the database is away for now" (503 with Retry-After) rather than a fault of
 * ours: what Hikari, PostgreSQL's driver and Spring's transactions throw while PostgreSQL stops,
 * starts or is unreachable, however deep in the chain of causes (Axon and the query bus wrap them).
 */
class DatabasestoringTest {

    @Test
    void geenVerbindingBinnenDeWachttijd_isEenStoring() {
        assertThat(Databasestoring.is(new SQLTransientConnectionException(
                "klantreis - Connection is not available, request timed out after 5000ms."))).isTrue();
        assertThat(Databasestoring.is(new CannotCreateTransactionException("geen verbinding"))).isTrue();
        assertThat(Databasestoring.is(new CompletionException(new IllegalStateException("query",
                new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void serverStoptOfStartNog_isEenStoring() {
        // fast stop: "terminating connection due to administrator command"; starting: "the database system is starting up".
        assertThat(Databasestoring.is(new RuntimeException(new SQLException("beëindigd", "57P01")))).isTrue();
        assertThat(Databasestoring.is(new RuntimeException(new SQLException("start nog", "57P03")))).isTrue();
        assertThat(Databasestoring.is(new RuntimeException(new SQLException("I/O-fout", "08006")))).isTrue();
        assertThat(Databasestoring.is(new RuntimeException(new SQLException("te veel verbindingen", "53300")))).isTrue();
    }

    @Test
    void eenVerbindingDieHikariAlWeggooide_isEenStoring() {
        // What a rollback or setAutoCommit on a connection broken by the stop throws (no SQLSTATE),
        // which then hides the original 08006: seen when PostgreSQL stopped immediately.
        SQLException gesloten = new SQLException("Connection is closed");
        gesloten.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
                "ProxyConnection.java", 562)});
        assertThat(Databasestoring.is(new IllegalStateException("auditlog", gesloten))).isTrue();
        assertThat(Databasestoring.is(new SQLException("Connection is closed"))).as("alleen die van Hikari").isFalse();
    }

    @Test
    void eenFoutVanOnsOfVanDeGegevens_isGeenStoring() {
        assertThat(Databasestoring.is(new IllegalStateException("een fout van ons"))).isFalse();
        assertThat(Databasestoring.is(new RuntimeException(new SQLException("te lang", "22001")))).isFalse();
        assertThat(Databasestoring.is(new RuntimeException(new SQLException("uniek", "23505")))).isFalse();
        assertThat(Databasestoring.is(null)).isFalse();
    }
}
