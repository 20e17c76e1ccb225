package nl.klantreis.bronnen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;

/** The backfill's walk and the abonnement, against the stand-in of Open Zaak, Open Klant and Open Notificaties. */
class InlezerEnAbonnementTest {
    private Nabootsing bron;
    private Dakkapelverhaal verhaal;
    private Bronconfiguratie configuratie;
    private final Map<String, Melding.Soort> wachtrij = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        bron = Nabootsing.start().zgwClient("klantreis", ZaaksynchronisatieTest.GEHEIM).token(ZaaksynchronisatieTest.TOKEN);
        verhaal = Dakkapelverhaal.bouw(bron.wereld());
        configuratie = ZaaksynchronisatieTest.configuratie(bron, ZaaksynchronisatieTest.GEHEIM);
    }

    @AfterEach
    void stop() {
        bron.close();
    }

    private boolean zetKlaar(Melding.Soort soort, String url) {
        return wachtrij.put(url, soort) == null;
    }

    @Test
    void deZakenVanGekoppeldeZaaktypen_wordenKlaargezet_deAndereGeteld() throws Exception {
        List<String> gegenereerd = bron.wereld().genereer(250, 7);
        List<Long> voortgang = new ArrayList<>();

        Inlezer.Verslag verslag = new Inlezer(configuratie, Clock.systemUTC()).zaken(null, null, this::zetKlaar, voortgang::add);

        // The mapping names ZT-OMGEVINGSVERGUNNING by identificatie: the dakkapel zaak; the 250 generated zaken are of
        // three zaaktypen without a mapping, counted per zaaktype and not queued.
        assertThat(wachtrij).containsOnlyKeys(verhaal.zaakUrl());
        assertThat(verslag.gevonden()).isEqualTo(1);
        assertThat(verslag.ongekoppeld().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(250);
        assertThat(verslag.ongekoppeld()).hasSize(3);
        assertThat(voortgang).hasSize(3);   // 251 zaken: three pages of 100
        assertThat(gegenereerd).hasSize(250);
    }

    @Test
    void eenPeriode_enZaaktypenBijUrl_gebruikenDeFiltersVanDeZakenApi() throws Exception {
        bron.wereld().genereer(250, 7);
        Bronconfiguratie.Zaaktypekoppeling k = configuratie.zaaktypen().get(0);
        Bronconfiguratie bijUrl = new Bronconfiguratie(configuratie.notificaties(), configuratie.verwerking(),
                configuratie.openZaak(), configuratie.openKlant(), List.of(new Bronconfiguratie.Zaaktypekoppeling(
                verhaal.zaaktype().url(), null, k.zaaktype(), k.kanaal(), k.statustypen(), k.resultaattypen(), false)),
                configuratie.onderwerpen());
        int voor = bron.verzoeken();

        Inlezer.Verslag maart = new Inlezer(bijUrl, Clock.systemUTC()).zaken(LocalDate.parse("2026-03-04"),
                LocalDate.parse("2026-03-05"), this::zetKlaar, n -> { });
        assertThat(wachtrij).containsOnlyKeys(verhaal.zaakUrl());
        assertThat(maart.ongekoppeld()).isEmpty();
        // One page of exactly the zaken asked for: no zaaktype looked up, no other zaak fetched.
        assertThat(bron.verzoeken() - voor).isEqualTo(1);

        wachtrij.clear();
        Inlezer.Verslag april = new Inlezer(bijUrl, Clock.systemUTC()).zaken(LocalDate.parse("2026-03-05"), null,
                this::zetKlaar, n -> { });
        assertThat(april.gevonden()).isZero();
    }

    @Test
    void deKlantcontacten_binnenDePeriode() throws Exception {
        Set<String> alle = new HashSet<>(verhaal.klantcontacten().values());

        Inlezer.Verslag verslag = new Inlezer(configuratie, Clock.systemUTC()).klantcontacten(null, null, this::zetKlaar, n -> { });
        assertThat(wachtrij.keySet()).isEqualTo(alle);
        assertThat(wachtrij.values()).containsOnly(Melding.Soort.KLANTCONTACT);
        assertThat(verslag.klaargezet()).isEqualTo(4);

        Inlezer.Verslag nogmaals = new Inlezer(configuratie, Clock.systemUTC()).klantcontacten(LocalDate.parse("2026-03-04"),
                LocalDate.parse("2026-03-06"), this::zetKlaar, n -> { });
        assertThat(nogmaals.gevonden()).isEqualTo(2);   // the webformulier (4 March) and the webchat (5 March)
        assertThat(nogmaals.alWachtend()).isEqualTo(2);
    }

    @Test
    void hetAbonnement_wordtEenmaalGenomen_zoalsDeSpecificatieHetWil() throws Exception {
        Bronconfiguratie met = metCallback();
        Abonnement abonnement = new Abonnement(met, Clock.systemUTC());

        Abonnement.Uitslag eerste = abonnement.registreer();
        Abonnement.Uitslag tweede = abonnement.registreer();

        assertThat(eerste.nieuw()).isTrue();
        assertThat(eerste.kanalen()).containsExactly("zaken", "klantcontacten");
        assertThat(tweede.nieuw()).isFalse();
        assertThat(tweede.url()).isEqualTo(eerste.url());
        List<ObjectNode> genomen = bron.abonnementen();
        assertThat(genomen).hasSize(1);
        assertThat(genomen.get(0).path("callbackUrl").asText()).isEqualTo("https://klantreis.example.nl/api/v1/notificaties");
        assertThat(genomen.get(0).path("auth").asText()).isEqualTo(ZaaksynchronisatieTest.AUTORISATIE);
        bron.controleerGeenAfwijkingen();
    }

    @Test
    void zonderOpenNotificatiesOfCallback_isHetEenDuidelijkeFout() {
        assertThatThrownBy(() -> new Abonnement(configuratie, Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notificaties.callbackUrl");
    }

    private Bronconfiguratie metCallback() {
        Bronconfiguratie.Notificaties n = configuratie.notificaties();
        return new Bronconfiguratie(new Bronconfiguratie.Notificaties(n.autorisatie(),
                java.net.URI.create("https://klantreis.example.nl/api/v1/notificaties"), n.openNotificaties(), n.authenticatie()),
                configuratie.verwerking(), configuratie.openZaak(), configuratie.openKlant(), configuratie.zaaktypen(),
                configuratie.onderwerpen());
    }
}
