package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

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
}
