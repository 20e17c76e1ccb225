package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.infrastructuur.TestDatabase;

/**
 * The answer to a sender waits until his batch's commit is on disk, though the batch committed
 * without waiting for it (ADR 0032): what {@link Schijfbevestiging} confirms must really have been
 * flushed, every waiter of a round is confirmed, and a database that cannot confirm fails them all.
 */
class SchijfbevestigingTest {

    @Test
    void eenAsynchroneCommit_staatOpSchijfZodraDeBevestigingKomt() throws Exception {
        DataSource database = TestDatabase.nieuweDatabase();
        Schijfbevestiging schijf = new Schijfbevestiging(database, new SimpleMeterRegistry());
        try (Connection verbinding = database.getConnection(); Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("create table proef (n int)");
            for (int ronde = 0; ronde < 20; ronde++) {
                verbinding.setAutoCommit(false);
                opdracht.execute("set local synchronous_commit = off");
                opdracht.execute("insert into proef select generate_series(1, 1000)");
                verbinding.commit();
                verbinding.setAutoCommit(true);
                long gecommit = lsn(opdracht, "pg_current_wal_insert_lsn()");

                schijf.naCommit().get(10, TimeUnit.SECONDS);

                // The WAL writer flushes on its own only every 200 ms: were nothing flushed on
                // purpose, most of these rounds would find their commit not yet on disk.
                assertThat(lsn(opdracht, "pg_current_wal_flush_lsn()")).as("ronde %d", ronde)
                        .isGreaterThanOrEqualTo(gecommit);
            }
        } finally {
            schijf.destroy();
        }
    }

    @Test
    void veleWachtenden_wordenAllemaalBevestigd() throws Exception {
        Schijfbevestiging schijf = new Schijfbevestiging(TestDatabase.nieuweDatabase(), new SimpleMeterRegistry());
        try {
            List<CompletableFuture<Void>> bevestigingen = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                bevestigingen.add(schijf.naCommit());
            }
            CompletableFuture.allOf(bevestigingen.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(bevestigingen).allMatch(b -> b.isDone() && !b.isCompletedExceptionally());
        } finally {
            schijf.destroy();
        }
    }

    @Test
    void eenDatabaseDieNietBevestigt_laatDeWachtendenOpnieuwSturen() throws Exception {
        Schijfbevestiging schijf = new Schijfbevestiging(new Onbereikbaar(), new SimpleMeterRegistry());
        try {
            CompletableFuture<Void> bevestiging = schijf.naCommit();
            assertThatThrownBy(() -> Schijfbevestiging.wacht(bevestiging))
                    .isInstanceOf(Schijfbevestiging.Nietbevestigd.class)
                    .hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        } finally {
            schijf.destroy();
        }
    }

    @Test
    void naHetStoppen_wordtNiemandMeerBevestigd() throws Exception {
        Schijfbevestiging schijf = new Schijfbevestiging(TestDatabase.nieuweDatabase(), new SimpleMeterRegistry());
        schijf.naCommit().get(10, TimeUnit.SECONDS);
        schijf.destroy();
        assertThatThrownBy(() -> Schijfbevestiging.wacht(schijf.naCommit()))
                .isInstanceOf(Schijfbevestiging.Nietbevestigd.class).hasMessageContaining("stopt");
    }

    private static long lsn(Statement opdracht, String functie) throws SQLException {
        try (ResultSet rij = opdracht.executeQuery("select " + functie + " - '0/0'::pg_lsn")) {
            rij.next();
            return rij.getLong(1);
        }
    }

    /** A pool that has no connection to give, as Hikari says while PostgreSQL is away. */
    private static final class Onbereikbaar extends AbstractDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLTransientConnectionException("klantreis - Connection is not available, request timed out");
        }

        @Override
        public Connection getConnection(String gebruiker, String wachtwoord) throws SQLException {
            return getConnection();
        }
    }
}
