package nl.klantreis.api.ingestie;

import static nl.klantreis.api.ingestie.BerichtBouwer.NU;
import static nl.klantreis.api.ingestie.BerichtBouwer.TEST_BSN;
import static nl.klantreis.api.ingestie.BerichtBouwer.TEST_KVK;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenKanaalvoorkeur;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenKlantcontact;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenStatusGezet;
import static nl.klantreis.api.ingestie.BerichtBouwer.eenZaakGeregistreerd;
import static nl.klantreis.api.ingestie.BerichtKeuringFixture.keuringOp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A BSN or KVK number never leaks into a fout or a log line, whichever field the sender put it in. */
class BerichtKeuringPrivacyTest {
    private static final String ONGELDIG_BSN = "123456789";

    private final BerichtKeuring keuring = keuringOp(NU);

    static Stream<BerichtBouwer> berichtenMetNummers() {
        return Stream.of(
                eenKlantcontact().met("klant", Map.of("bsn", ONGELDIG_BSN)),
                eenKlantcontact().met("klant", Map.of("bsn", "12345678")),
                eenKlantcontact().met("klant", Map.of("bsn", TEST_BSN, "kvk", TEST_KVK)),
                eenKlantcontact().met("klant", Map.of("kvk", "1234567")),
                eenKlantcontact().met("kanaal", "postduif"),
                eenKlantcontact().met("kanaal", TEST_BSN),
                eenKlantcontact().met("onderwerp", "bsn " + TEST_BSN),
                eenKlantcontact().met("resultaat", TEST_KVK),
                eenKlantcontact().met("klantcontactId", TEST_BSN),
                eenKlantcontact().met("doorverwezenNaar", TEST_BSN),
                eenZaakGeregistreerd().met("zaaktype", TEST_BSN).met("initiator", Map.of("bsn", ONGELDIG_BSN)),
                eenZaakGeregistreerd().met("vertrouwelijkheid", TEST_KVK),
                eenStatusGezet().met("statustype", TEST_BSN).metAttribuut("subject", TEST_BSN),
                eenStatusGezet().metAttribuut("type", "nl.bsn." + TEST_BSN),
                eenKanaalvoorkeur().met("klant", Map.of("kvk", TEST_KVK, "anoniem", true)));
    }

    @ParameterizedTest
    @MethodSource("berichtenMetNummers")
    void geenFout_bevatEenBsnOfKvkNummer(BerichtBouwer bouwer) {
        Beoordeling beoordeling = keuring.keur(0, bouwer.bouw());

        assertThat(beoordeling.fouten()).isNotEmpty();
        assertThat(beoordeling.fouten()).allSatisfy(fout -> assertThat(fout.detail())
                .doesNotContain(TEST_BSN).doesNotContain(ONGELDIG_BSN).doesNotContain(TEST_KVK)
                .doesNotContain("12345678").doesNotContain("1234567"));
    }

    @Test
    void klantIdentificatie_drukHetNummerNietAf() {
        assertThat(KlantIdentificatie.bsn(TEST_BSN).toString()).doesNotContain(TEST_BSN).contains("BSN");
        assertThat(KlantIdentificatie.kvk(TEST_KVK).toString()).doesNotContain(TEST_KVK);
        assertThat(KlantIdentificatie.anoniem().toString()).contains("ANONIEM");
    }

    @Test
    void gelezenBericht_drukHetNummerNietAf() {
        Bericht bericht = keuring.keur(0, eenKlantcontact().bouw()).bericht();

        assertThat(bericht.toString()).doesNotContain(TEST_BSN);
    }

    @Test
    void klantIdentificatie_bestaatAlleenGeldig_enZegtNietWelkNummer() {
        for (var maak : List.<Runnable>of(
                () -> KlantIdentificatie.bsn(ONGELDIG_BSN),
                () -> KlantIdentificatie.kvk("1234567"),
                () -> new KlantIdentificatie(Identificatiesoort.ANONIEM, TEST_BSN))) {
            assertThatThrownBy(maak::run).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain(ONGELDIG_BSN).doesNotContain("1234567").doesNotContain(TEST_BSN);
        }
    }
}
