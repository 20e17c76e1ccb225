package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.projecties.leesmodel.Generatieregister.Generatie;

/** The registry of generations as several nodes use it, each acting on what it read a moment before. */
class GeneratieregisterTest {
    @Test
    void eenTweedeOvernameVanDezelfdeGeneratie_veranderNiets_enLaatDeNieuweActief() {
        DataSource database = TestDatabase.nieuweDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Generatieregister knooppuntEen = new Generatieregister(jdbc, NoTransactionManager.INSTANCE);
        Generatieregister knooppuntTwee = new Generatieregister(jdbc, NoTransactionManager.INSTANCE);
        knooppuntEen.registreerEerste("mijnzaken");
        int nieuw = knooppuntEen.bouwNieuwe("mijnzaken");
        // Both nodes see the rebuild caught up in the same round, from the list each has just read.
        Generatie gezienDoorEen = knooppuntEen.bouwende("mijnzaken").orElseThrow();
        Generatie gezienDoorTwee = knooppuntTwee.bouwende("mijnzaken").orElseThrow();

        assertThat(knooppuntEen.neemOver(gezienDoorEen)).isTrue();
        assertThat(knooppuntTwee.neemOver(gezienDoorTwee)).isFalse();

        assertThat(knooppuntTwee.actieve("mijnzaken")).map(Generatie::generatie).contains(nieuw);
        assertThat(jdbc.queryForList("SELECT toestand FROM leesmodel_generatie WHERE naam = 'mijnzaken' "
                + "ORDER BY generatie", String.class)).containsExactly("vervangen", "actief");
    }

    @Test
    void knooppuntenDieTegelijkStarten_makenElkLeesmodelEenKeer() throws Exception {
        DataSource database = TestDatabase.nieuweDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        TransactionManager transacties = springtransacties(database);
        int knooppunten = 3;
        for (int ronde = 0; ronde < 15; ronde++) {
            String naam = "gelijktijdig" + ronde;
            CyclicBarrier samen = new CyclicBarrier(knooppunten);
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int k = 0; k < knooppunten; k++) {
                Generatieregister register = new Generatieregister(jdbc, transacties);
                starts.add(CompletableFuture.runAsync(() -> {
                    try {
                        samen.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    register.registreerEerste(naam);
                }));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            assertThat(jdbc.queryForList("SELECT toestand FROM leesmodel_generatie WHERE naam = ?", String.class, naam))
                    .containsExactly("actief");
        }
    }

    /** Axon's transactions on Spring's, as in the engine: the JdbcTemplate's statements run in them. */
    private static TransactionManager springtransacties(DataSource database) {
        DataSourceTransactionManager spring = new DataSourceTransactionManager(database);
        return () -> {
            TransactionStatus status = spring.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    spring.commit(status);
                }

                @Override
                public void rollback() {
                    spring.rollback(status);
                }
            };
        };
    }
}
