package nl.klantreis.api.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.api.testondersteuning.Herbouwcontrole;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/**
 * A history load on a node that only stores, then a whole node on the same database (ADR 0034,
 * 0035): a serving read model far behind is first brought up to date in bulk, one reader for all
 * read models, and ends exactly as a rebuild at rest; one only a little behind is left to its
 * processors, as after a short stop.
 */
class InhalenInBulkTest {
    @Test
    void naEenHistorieOpEenOpslaandeNode_haltEenHeleNodeDeLeesmodellenInBulkIn_enDaarnaNietMeerVoorEenBeetje()
            throws Exception {
        Testengine opslaand = Testengine.start("--klantreis.projecties.verwerken=false");
        Testengine heel = opslaand.andereNode("--klantreis.projecties.voorladen=40",
                "--klantreis.projecties.inhalen-vanaf=100");
        try {
            for (int i = 0; i < 12; i++) {
                Herbouwcontrole.stuur(opslaand, "historie-" + i);
            }
            Projectiebeheer zonderProcessors = opslaand.bean(Projectiebeheer.class);
            long events = opslaand.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            assertThat(events).as("events opgeslagen").isGreaterThan(100);
            for (String naam : zonderProcessors.namen()) {
                assertThat(zonderProcessors.achterstand(naam)).as("%s: een opslaande node verwerkt niets", naam).isEmpty();
            }
            opslaand.close();

            heel.herstart();
            heel.wachtOpLeesmodellen();
            Projectiebeheer beheer = heel.bean(Projectiebeheer.class);
            for (String naam : beheer.namen()) {
                assertThat(inBulk(heel, naam)).as("%s: in bulk bijgewerkt, ieder event", naam).isEqualTo(events);
                assertThat(beheer.voortgang(naam).actieveGeneratie()).isEqualTo(1);
            }
            assertThat(heel.jdbc().queryForObject("SELECT count(*) FROM deadletterentry", Long.class)).isZero();

            // What the bulk catch-up made is what a rebuild at rest makes.
            for (String naam : beheer.namen()) {
                Herbouwcontrole.gelijkAanEenHerbouwInRust(heel, naam, "in bulk ingehaald gelijk aan een herbouw in rust");
            }

            // A little behind (below the threshold): the processors simply continue.
            heel.close();
            opslaand.herstart();
            Herbouwcontrole.stuur(opslaand, "daarna");
            opslaand.close();
            heel.herstart();
            heel.wachtOpLeesmodellen();
            for (String naam : beheer.namen()) {
                assertThat(inBulk(heel, naam)).as("%s: niet in bulk onder de drempel", naam).isZero();
            }
        } finally {
            opslaand.close();
            heel.close();
        }
    }

    /**
     * The usual order in practice: the whole nodes ran (their segments' tokens where each stopped),
     * then the history went in through a storing-only node while they were stopped.
     */
    @Test
    void naEenHistorieTerwijlDeHeleNodesStilStonden_haaltEenHeleNodeInVanafWaarZijnSegmentenStonden() throws Exception {
        Testengine heel = Testengine.start("--klantreis.projecties.voorladen=40", "--klantreis.projecties.inhalen-vanaf=100");
        Testengine opslaand = heel.andereNode("--klantreis.projecties.verwerken=false");
        try {
            for (int i = 0; i < 3; i++) {
                Herbouwcontrole.stuur(heel, "eerst-" + i);
            }
            heel.wachtOpLeesmodellen();
            long eerst = heel.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            heel.close();

            opslaand.herstart();
            for (int i = 0; i < 12; i++) {
                Herbouwcontrole.stuur(opslaand, "daarna-" + i);
            }
            long events = opslaand.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            opslaand.close();

            heel.herstart();
            heel.wachtOpLeesmodellen();
            Projectiebeheer beheer = heel.bean(Projectiebeheer.class);
            for (String naam : beheer.namen()) {
                assertThat(inBulk(heel, naam)).as("%s: in bulk bijgewerkt, ieder event na de stop", naam)
                        .isEqualTo(events - eerst);
                Herbouwcontrole.gelijkAanEenHerbouwInRust(heel, naam, "gelijk aan een herbouw in rust");
            }
        } finally {
            opslaand.close();
            heel.close();
        }
    }

    /** The meter klantreis_projectie_bulk_total of this node: events it applied to the read model in bulk. */
    private static long inBulk(Testengine node, String naam) {
        return (long) node.bean(MeterRegistry.class).get("klantreis.projectie.bulk").tag("projectie", naam)
                .functionCounter().count();
    }
}
