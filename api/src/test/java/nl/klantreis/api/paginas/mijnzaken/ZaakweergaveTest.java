package nl.klantreis.api.paginas.mijnzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.klantreis.api.audit.EigenVerwerking;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;

/** What the citizen reads: the API's fields in plain Dutch, dates in words, why the date moved. */
class ZaakweergaveTest {
    private static final Zaakkaart.Status IN_BEHANDELING = new Zaakkaart.Status("in-behandeling", "In behandeling",
            "in_behandeling", 3, 5, Instant.parse("2026-03-18T08:30:00Z"), "Wij beoordelen uw aanvraag.");

    @Test
    void stapVanStappenMetDeStatusgroep_enDeDatumInWoorden() {
        Zaakweergave.Kaart kaart = Zaakweergave.kaart(new Zaakkaart("z", "ZAAK-1", "omgevingsvergunning", null,
                IN_BEHANDELING, LocalDate.of(2026, 5, 8), false, null,
                new Zaakkaart.VolgendeStap("besluit-genomen", "Besluit genomen", "besluit_genomen"),
                Instant.parse("2026-03-18T08:30:00Z")));
        assertThat(kaart.titel()).as("zonder eigen omschrijving: het zaaktype").isEqualTo("Omgevingsvergunning");
        assertThat(kaart.stap()).isEqualTo("Stap 3 van 5");
        assertThat(kaart.groep()).isEqualTo("In behandeling");
        assertThat(kaart.volgendeStap()).isEqualTo("Besluit genomen");
        assertThat(kaart.termijn()).isEqualTo("8 mei 2026");
        assertThat(kaart.termijnReden()).isNull();
        assertThat(kaart.gewijzigd()).as("in Nederlandse tijd").isEqualTo("18 maart 2026 om 09:30");
        assertThat(kaart.melding()).isEqualTo("Uw zaak ZAAK-1 is bijgewerkt: stap 3 van 5, in behandeling.");
    }

    @Test
    void opgeschortStaatDeTermijnStil_enDeZaakpaginaZegtWaaromDeDatumVerschoof() {
        Zaakdetail detail = new Zaakdetail("z", "ZAAK-1", "omgevingsvergunning", "Dakkapel", IN_BEHANDELING,
                LocalDate.of(2026, 6, 19), true, null, null, Instant.parse("2026-04-01T10:00:00Z"), List.of(),
                List.of(), List.of(new Zaakdetail.Opschorting(Instant.parse("2026-03-09T10:00:00Z"),
                                Instant.parse("2026-03-18T08:30:00Z")),
                        new Zaakdetail.Opschorting(Instant.parse("2026-04-01T10:00:00Z"), null)),
                List.of(new Zaakdetail.Verlenging(Instant.parse("2026-03-20T10:00:00Z"), 42)));
        Zaakweergave.Zaak zaak = Zaakweergave.zaak(detail);
        assertThat(zaak.kaart().termijnReden()).isEqualTo("De zaak is opgeschort: de termijn staat stil tot wij verder"
                + " kunnen; later omdat de zaak 9 dagen opgeschort was; verlengd met 42 dagen.");
        assertThat(zaak.termijn()).extracting(Zaakweergave.Termijnwijziging::tekst).containsExactly(
                "Van 9 maart 2026 tot 18 maart 2026 (9 dagen).",
                "Sinds 1 april 2026. De termijn staat stil tot wij verder kunnen.",
                "Op 20 maart 2026 met 42 dagen.");
        // The card (no history) says only that it stands still.
        assertThat(Zaakweergave.kaart(detail.alsKaart()).termijnReden())
                .isEqualTo("De zaak is opgeschort: de termijn staat stil tot wij verder kunnen.");
    }

    @Test
    void afgeslotenMetResultaat_enDeLaatsteStatusIsDanNietMeerHuidig() {
        Zaakdetail detail = new Zaakdetail("z", "ZAAK-1", "omgevingsvergunning", "Dakkapel",
                new Zaakkaart.Status("besluit-genomen", "Besluit genomen", "besluit_genomen", 4, 5,
                        Instant.parse("2026-04-20T12:00:00Z"), null),
                LocalDate.of(2026, 5, 8), false, new Zaakkaart.Afgesloten(Instant.parse("2026-04-21T06:00:00Z"), "toegekend"),
                null, Instant.parse("2026-04-21T06:00:00Z"),
                List.of(new Zaakdetail.Statusregel("besluit-genomen", "Besluit genomen", "besluit_genomen", 4,
                        Instant.parse("2026-04-20T12:00:00Z"), null)), List.of(), List.of(), List.of());
        Zaakweergave.Zaak zaak = Zaakweergave.zaak(detail);
        assertThat(zaak.kaart().afgesloten()).isEqualTo("Afgesloten op 21 april 2026");
        assertThat(zaak.kaart().resultaat()).isEqualTo("Toegekend");
        assertThat(zaak.kaart().melding()).isEqualTo("Uw zaak ZAAK-1 is bijgewerkt: afgesloten op 21 april 2026, toegekend.");
        assertThat(zaak.statussen()).singleElement().satisfies(stap -> {
            assertThat(stap.huidig()).isFalse();
            assertThat(stap.gezetOp()).isEqualTo("20 april 2026 om 14:00");
        });
    }

    @Test
    void eenVerwerkingInGewoneTaal_eenOnbekendeActiviteitMetHaarNaam() {
        OffsetDateTime op = OffsetDateTime.parse("2026-03-16T09:05:00Z");
        assertThat(Verwerkingweergave.van(new EigenVerwerking(op, "klantbeeld-inzien", "afhandeling klantcontact",
                "medewerker", "KCC"))).isEqualTo(new Verwerkingweergave("16 maart 2026 om 10:05",
                "Uw gegevens en contacten met de gemeente zijn bekeken.", "Een medewerker van KCC",
                "Afhandeling klantcontact"));
        assertThat(Verwerkingweergave.wat("iets-nieuws")).isEqualTo("Uw gegevens zijn gebruikt (iets-nieuws).");
        assertThat(Verwerkingweergave.wie("systeem", null)).isEqualTo("Het systeem van de gemeente");
    }
}
