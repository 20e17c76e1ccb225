package nl.klantreis.api.leesmodel;

import static nl.klantreis.api.testondersteuning.Herbouwcontrole.gelijkAanEenHerbouwInRust;
import static nl.klantreis.api.testondersteuning.Herbouwcontrole.stuur;
import static nl.klantreis.api.testondersteuning.Herbouwcontrole.wachtOpOvername;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/**
 * A rebuild while messages keep coming in: the new generation is filled in bulk (here in
 * transactions of 40 events, so over many of them), its pooled processor takes over from the bulk
 * fill's position, and after the switch it must hold exactly what a rebuild at rest gives.
 */
class HerbouwTijdensIngestieTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse("--klantreis.projecties.voorladen=40");

    @Test
    void herbouwMetBulkvulling_terwijlBerichtenBinnenkomen_eindigtGelijkAanEenHerbouwInRust() throws Exception {
        for (int i = 0; i < 12; i++) {
            stuur(engine, "voor-" + i);
        }
        engine.wachtOpLeesmodellen();
        Projectiebeheer beheer = engine.bean(Projectiebeheer.class);

        CompletableFuture<Void> binnenkomend = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 12; i++) {
                stuur(engine, "tijdens-" + i);
            }
        });
        for (String naam : beheer.namen()) {
            int nieuw = beheer.herbouw(naam);
            wachtOpOvername(beheer, naam, nieuw);
        }
        binnenkomend.get();
        engine.wachtOpLeesmodellen();

        for (String naam : beheer.namen()) {
            gelijkAanEenHerbouwInRust(engine, naam, "herbouw in rust gelijk aan de herbouw tijdens ingestie");
        }
    }

    /**
     * {@code herbouwAlle} fills every read model's new generation from one shared reader of the
     * event store, while messages come in; each must end exactly as its own rebuild at rest.
     */
    @Test
    void herbouwAlle_metGedeeldeLezer_terwijlBerichtenBinnenkomen_eindigtGelijkAanEenHerbouwPerLeesmodel()
            throws Exception {
        for (int i = 0; i < 12; i++) {
            stuur(engine, "alle-voor-" + i);
        }
        engine.wachtOpLeesmodellen();
        Projectiebeheer beheer = engine.bean(Projectiebeheer.class);

        CompletableFuture<Void> binnenkomend = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 12; i++) {
                stuur(engine, "alle-tijdens-" + i);
            }
        });
        Map<String, Integer> nieuw = beheer.herbouwAlle();
        assertThat(nieuw.keySet()).containsExactlyElementsOf(beheer.namen());
        for (Map.Entry<String, Integer> generatie : nieuw.entrySet()) {
            wachtOpOvername(beheer, generatie.getKey(), generatie.getValue());
        }
        binnenkomend.get();
        engine.wachtOpLeesmodellen();

        for (String naam : beheer.namen()) {
            gelijkAanEenHerbouwInRust(engine, naam, "herbouw op zich gelijk aan herbouwAlle tijdens ingestie");
        }
    }
}
