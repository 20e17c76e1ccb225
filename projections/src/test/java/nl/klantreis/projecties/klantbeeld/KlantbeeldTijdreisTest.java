package nl.klantreis.projecties.klantbeeld;

import static nl.klantreis.projecties.klantreis.Testklant.KLANT;
import static nl.klantreis.domein.klantreis.Feiten.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.klantreis.Dakkapel;
import nl.klantreis.projecties.klantreis.KlantOpDeBus;
import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisWeergave;
import nl.klantreis.projecties.tijd.Tijdas;

/**
 * The klantbeeld of the past shows no later fact (issue 9, item 7): on 3 March the dakkapel
 * klant had only made an orientation call; the zaak registered on the 4th later pulled that call
 * into its klantreis, which must not show through on the 3rd.
 */
class KlantbeeldTijdreisTest {
    private static final Instant DERDE_MAART = t("2026-03-03T12:00:00Z");
    private final Klantdossier dossier = Klantdossier.vouw(KLANT.waarde(),
            KlantOpDeBus.gebeurtenissenNa(KLANT, Dakkapel.opdrachten().toArray()));

    @Test
    void lopendeKlantreizen_zijnDieVanToen_nietDeZaakreisVanLater() {
        Klantbeeld<Object> toen = KlantbeeldWeergave.klantbeeld(dossier, DERDE_MAART, Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of());

        assertThat(toen.lopendeKlantreizen()).singleElement().satisfies(reis -> {
            assertThat(reis.klantreisId()).isEqualTo(Dakkapel.ORIENTATIEREIS.toString());
            assertThat(reis.thema().zaakId()).as("de zaak bestond op 3 maart nog niet").isNull();
            assertThat(reis.thema().onderwerp()).isEqualTo("omgevingsvergunning");
            assertThat(reis.status()).isEqualTo(Klantreis.LOPEND);
        });
        // The same klantreizen as GET /klanten/{id}/klantreizen?alsOp=... shows on this axis.
        assertThat(toen.lopendeKlantreizen()).isEqualTo(KlantreisWeergave.zoalsGebeurdOp(dossier, DERDE_MAART)
                .stream().filter(Klantreis::lopend).toList());
        assertThat(toen.openVervolgacties()).singleElement()
                .satisfies(v -> assertThat(v.klantcontactId()).isEqualTo(Dakkapel.ORIENTATIE.toString()));
    }

    @Test
    void naDeAanvraag_isDeDoorverwijzingGevolgd_enLooptDeZaakreis() {
        Instant vijfdeMaart = t("2026-03-05T12:00:00Z");
        Klantbeeld<Object> toen = KlantbeeldWeergave.klantbeeld(dossier, vijfdeMaart, Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of());

        assertThat(toen.openVervolgacties()).isEmpty();
        assertThat(toen.lopendeKlantreizen()).extracting(Klantreis::klantreisId)
                .containsExactly(Dakkapel.ZAAKREIS.toString());
    }

    @Test
    void naDeAfsluiting_isDeZaakreisBeeindigd_ervoorLooptHijNog() {
        assertThat(KlantbeeldWeergave.klantbeeld(dossier, t("2026-04-21T05:59:00Z"), Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of()).lopendeKlantreizen()).hasSize(1);
        assertThat(KlantbeeldWeergave.klantbeeld(dossier, t("2026-04-21T06:00:00Z"), Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of()).lopendeKlantreizen()).isEmpty();
    }

    @Test
    void kanaalmix_teltDeTwaalfMaandenTotHetPeilmoment_nietTotVandaag() {
        // A year and a day after the last contact nothing is left in the window; on 1 April everything is.
        assertThat(KlantbeeldWeergave.klantbeeld(dossier, t("2026-04-01T00:00:00Z"), Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of()).kanaalmix())
                .extracting(Klantbeeld.Kanaalgebruik::aantal).containsExactly(2, 1);
        assertThat(KlantbeeldWeergave.klantbeeld(dossier, t("2027-03-17T12:00:00Z"), Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of()).kanaalmix()).isEmpty();
        assertThat(KlantbeeldWeergave.klantbeeld(dossier, t("2026-03-03T00:00:00Z"), Tijdas.GEBEURD,
                waarde -> Optional.empty(), List.of()).kanaalmix())
                .containsExactly(new Klantbeeld.Kanaalgebruik("telefoon", 1));
    }
}
