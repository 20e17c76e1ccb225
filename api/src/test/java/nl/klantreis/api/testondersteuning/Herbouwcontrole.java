package nl.klantreis.api.testondersteuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.MediaType;

import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/**
 * What the rebuild and catch-up tests share: messages sent in, waiting for a new generation to
 * take over, and the check that a read model as it stands equals a rebuild of it at rest.
 */
public final class Herbouwcontrole {
    private Herbouwcontrole() {
    }

    /**
     * Rebuilds {@code naam} at rest and asserts that its documents, by checksum and number, are
     * exactly those it held before; {@code wat} says what is compared, for the failure message.
     */
    public static void gelijkAanEenHerbouwInRust(Testengine node, String naam, String wat) throws InterruptedException {
        Projectiebeheer beheer = node.bean(Projectiebeheer.class);
        Documentlezer<Object> lezer = new Documentlezer<>(beheer, naam, node.database());
        String voor = lezer.controlegetal();
        long documenten = lezer.aantal();
        assertThat(documenten).as("%s: documenten", naam).isPositive();
        int herbouwd = beheer.herbouw(naam);
        wachtOpOvername(beheer, naam, herbouwd);
        assertThat(lezer.controlegetal()).as("%s: %s", naam, wat).isEqualTo(voor);
        assertThat(lezer.aantal()).as("%s: documenten na de herbouw", naam).isEqualTo(documenten);
    }

    /** Waits (at most two minutes) until generation {@code generatie} of {@code naam} serves. */
    public static void wachtOpOvername(Projectiebeheer beheer, String naam, int generatie) throws InterruptedException {
        Instant tot = Instant.now().plus(Duration.ofMinutes(2));
        while ((beheer.voortgang(naam).actieveGeneratie() != generatie
                || !beheer.actieveTabel(naam).endsWith("_g" + generatie)) && Instant.now().isBefore(tot)) {
            Thread.sleep(50);
        }
        assertThat(beheer.voortgang(naam).actieveGeneratie()).as("generatie %d van %s neemt over", generatie, naam)
                .isEqualTo(generatie);
    }

    /** A copy of the dakkapel example, its ids prefixed, as one batch to this engine. */
    public static void stuur(Testengine engine, String voorvoegsel) {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(Voorbeelden.kopie(Voorbeelden.DAKKAPEL, voorvoegsel).berichten()))
                .exchange().expectStatus().isOk();
    }
}
