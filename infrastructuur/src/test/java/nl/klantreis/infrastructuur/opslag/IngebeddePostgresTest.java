package nl.klantreis.infrastructuur.opslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start finds in a data map after something went wrong, in one JVM. That a PostgreSQL
 * left running by a killed engine is stopped first is shown with a real second JVM by the api
 * module's {@code LevensloopTest}.
 */
class IngebeddePostgresTest {

    @TempDir
    Path dataMap;

    @Test
    void eenTweedeStartOpDezelfdeMap_terwijlDeEersteDraait_weigertMetEenDuidelijkeMelding_enLaatDeEersteMet() throws Exception {
        Path map = dataMap.resolve("postgres");
        try (IngebeddePostgres eerste = IngebeddePostgres.start(map, 0)) {
            assertThatThrownBy(() -> IngebeddePostgres.start(map, 0))
                    .isInstanceOf(IngebeddePostgres.DatamapInGebruik.class)
                    .hasMessageContaining("is in gebruik").hasMessageNotContaining("\n");
            assertThat(telEen(eerste)).isEqualTo(1);
        }
        // Given free again by close(): the next start works.
        IngebeddePostgres.start(map, 0).close();
    }

    @Test
    void eenPostmasterPidVanEenDodePostgres_ruimtPostgresZelfOp() throws Exception {
        Path map = dataMap.resolve("postgres");
        IngebeddePostgres eerste = IngebeddePostgres.start(map, 0);
        ProcessHandle postmaster = ProcessHandle.of(pid(map)).orElseThrow();
        List<ProcessHandle> kinderen = postmaster.descendants().toList();
        // PostgreSQL itself killed (out-of-memory killer): its postmaster.pid stays behind.
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle kind : kinderen) {
            kind.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(map.resolve("postmaster.pid")).exists();
        sluitZonderPostgres(eerste);

        try (IngebeddePostgres tweede = IngebeddePostgres.start(map, 0)) {
            assertThat(telEen(tweede)).isEqualTo(1);
        }
    }

    @Test
    void eenPostmasterPidWaarvanHetNummerNuBijEenAnderProgrammaHoort_wordtVerwijderd() throws Exception {
        Path map = dataMap.resolve("postgres");
        IngebeddePostgres.start(map, 0).close();
        Process ander = new ProcessBuilder("sleep", "120").start();
        try {
            // What a container restart leaves: the old number now belongs to some other program.
            Files.writeString(map.resolve("postmaster.pid"), ander.pid() + "\n" + map + "\n");
            try (IngebeddePostgres postgres = IngebeddePostgres.start(map, 0)) {
                assertThat(telEen(postgres)).isEqualTo(1);
            }
            assertThat(ander.isAlive()).as("het andere programma blijft ongemoeid").isTrue();
        } finally {
            ander.destroyForcibly();
        }
    }

    private static long pid(Path map) throws Exception {
        return Long.parseLong(Files.readAllLines(map.resolve("postmaster.pid")).get(0).strip());
    }

    private static int telEen(IngebeddePostgres postgres) throws Exception {
        try (Connection verbinding = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
             Statement opdracht = verbinding.createStatement();
             ResultSet rij = opdracht.executeQuery("select 1")) {
            rij.next();
            return rij.getInt(1);
        }
    }

    /** Gives the map free as a dead engine's would be; stopping the (already dead) PostgreSQL fails quietly. */
    private static void sluitZonderPostgres(IngebeddePostgres postgres) {
        try {
            postgres.close();
        } catch (RuntimeException e) {
            // zonky reports the failed pg_ctl stop; the lock is released regardless.
        }
    }
}
