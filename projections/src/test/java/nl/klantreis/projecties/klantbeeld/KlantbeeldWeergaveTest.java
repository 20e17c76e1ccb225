package nl.klantreis.projecties.klantbeeld;

import static nl.klantreis.projecties.klantreis.Testklant.KLANT;
import static nl.klantreis.projecties.klantreis.Testklant.NUMMER;
import static nl.klantreis.projecties.klantreis.Testklant.SLEUTEL;
import static nl.klantreis.domein.klantreis.Feiten.contactId;
import static nl.klantreis.projecties.klantreis.Testklant.eenKlantcontact;
import static nl.klantreis.domein.klantreis.Feiten.t;
import static nl.klantreis.projecties.klantreis.Testklant.vergeet;
import static nl.klantreis.projecties.klantreis.Testklant.voorkeur;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.projecties.klantreis.Dakkapel;
import nl.klantreis.projecties.klantreis.KlantOpDeBus;
import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisWeergave;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

class KlantbeeldWeergaveTest {
    private static final Instant PEILMOMENT = t("2026-04-01T00:00:00Z");
    private static final String WEG = "0e0e0e0e-0000-4000-8000-00000000dead";

    /** Stands in for the key table: decrypts the fakes of {@link nl.klantreis.projecties.klantreis.Testklant}. */
    private static final class Sleutelkast implements Function<Versleuteld, Optional<String>> {
        private final AtomicInteger gevraagd = new AtomicInteger();

        @Override
        public Optional<String> apply(Versleuteld waarde) {
            gevraagd.incrementAndGet();
            if (WEG.equals(waarde.sleutel())) {
                return Optional.empty();
            }
            return Optional.of(waarde.waarde().replace("versleuteld-bsn-", "").replace("versleuteld-kvk-", "")
                    .replace("versleuteld-inhoud-", "gezegd in "));
        }
    }

    /** What the MijnZaken read model hands over; the klantbeeld must not look inside. */
    record Zaakkaart(String identificatie) {
    }

    private static Klantdossier dossierNa(KlantId klant, Object... opdrachten) {
        return Klantdossier.vouw(klant.waarde(), KlantOpDeBus.gebeurtenissenNa(klant, opdrachten));
    }

    private static Klantbeeld<Zaakkaart> beeld(Klantdossier dossier, Instant peilmoment) {
        return KlantbeeldWeergave.klantbeeld(dossier, peilmoment, new Sleutelkast(),
                List.of(new Zaakkaart("ZAAK-2026-0000123")));
    }

    /**
     * A klant with a year of history: an old call, a terugbelverzoek that was called back, an open
     * terugbelverzoek, an open doorverwijzing whose text can no longer be read, a fresh email, and
     * one contact after the peilmoment.
     */
    private static Object[] geschiedenis() {
        return new Object[] {
            voorkeur("email", null, "2025-01-10T09:00:00+01:00"),
            voorkeur("telefoon", null, "2026-01-05T09:00:00+01:00"),
            voorkeur("balie", "omgevingsvergunning", "2026-02-01T09:00:00+01:00"),
            voorkeur("post", null, "2026-05-01T09:00:00+02:00"),
            eenKlantcontact().metId(1).op("2025-03-01T10:00:00+01:00").bouw(),
            eenKlantcontact().metId(2).op("2026-03-02T10:00:00+01:00").overOnderwerp("afval")
                    .metResultaat("terugbelverzoek").doorMedewerker("kcc-test-2").bouw(),
            eenKlantcontact().metId(3).op("2026-03-03T10:00:00+01:00").overOnderwerp("afval").uitgaand()
                    .doorMedewerker("kcc-test-3").bouw(),
            eenKlantcontact().metId(4).op("2026-03-10T10:00:00+01:00").viaKanaal("chat").overOnderwerp("parkeren")
                    .metResultaat("terugbelverzoek").bouw(),
            eenKlantcontact().metId(5).op("2026-03-12T10:00:00+01:00").viaKanaal("balie").overOnderwerp("paspoort")
                    .doorverwezenNaar("webformulier").metInhoud(new Versleuteld(WEG, "onleesbaar")).bouw(),
            eenKlantcontact().metId(6).op("2026-03-25T10:00:00+01:00").viaKanaal("email").overOnderwerp("afval")
                    .zonderInhoudEnMedewerker().bouw(),
            eenKlantcontact().metId(7).op("2026-04-15T10:00:00+02:00").viaKanaal("chat").overOnderwerp("parkeren")
                    .bouw()
        };
    }

    @Nested
    class Velden {
        private final Klantdossier dossier = dossierNa(KLANT, geschiedenis());
        private final Klantbeeld<Zaakkaart> beeld = beeld(dossier, PEILMOMENT);

        @Test
        void klantEnNummer_bsnOntsleuteld_geenKvk() {
            assertThat(beeld.klantId()).isEqualTo(KLANT.waarde());
            assertThat(beeld.bsn()).isEqualTo("999990342");
            assertThat(beeld.kvk()).isNull();
        }

        @Test
        void kanaalvoorkeur_deLaatsteVastgelegdePerOnderwerp_totHetPeilmoment() {
            assertThat(beeld.kanaalvoorkeur()).containsExactly(
                    new Klantbeeld.Kanaalvoorkeur("telefoon", null, t("2026-01-05T08:00:00Z")),
                    new Klantbeeld.Kanaalvoorkeur("balie", "omgevingsvergunning", t("2026-02-01T08:00:00Z")));
            assertThat(beeld(dossier, t("2026-06-01T00:00:00Z")).kanaalvoorkeur()).first()
                    .isEqualTo(new Klantbeeld.Kanaalvoorkeur("post", null, t("2026-05-01T07:00:00Z")));
        }

        @Test
        void openZaken_zoalsZeWerdenAangereikt() {
            assertThat(beeld.openZaken()).containsExactly(new Zaakkaart("ZAAK-2026-0000123"));
        }

        @Test
        void recenteContacten_nieuwsteEerst_binnenTwaalfMaanden_metOntsleuteldeInhoud() {
            assertThat(beeld.recenteContacten()).containsExactly(
                    new Klantbeeld.Contact(contactId(6).toString(), "email", t("2026-03-25T09:00:00Z"), "afval",
                            "beantwoord", null, null),
                    new Klantbeeld.Contact(contactId(5).toString(), "balie", t("2026-03-12T09:00:00Z"), "paspoort",
                            "doorverwezen", null, "medewerker-test-1"),
                    new Klantbeeld.Contact(contactId(4).toString(), "chat", t("2026-03-10T09:00:00Z"), "parkeren",
                            "terugbelverzoek", "gezegd in " + contactId(4), "medewerker-test-1"),
                    new Klantbeeld.Contact(contactId(3).toString(), "telefoon", t("2026-03-03T09:00:00Z"), "afval",
                            "beantwoord", "gezegd in " + contactId(3), "kcc-test-3"),
                    new Klantbeeld.Contact(contactId(2).toString(), "telefoon", t("2026-03-02T09:00:00Z"), "afval",
                            "terugbelverzoek", "gezegd in " + contactId(2), "kcc-test-2"));
        }

        @Test
        void openVervolgacties_alleenWatGeenLaterContactInDezelfdeKlantreisKreeg() {
            assertThat(beeld.openVervolgacties()).containsExactly(
                    new Klantbeeld.Vervolgactie(contactId(4).toString(), "terugbelverzoek", "chat", null,
                            t("2026-03-10T09:00:00Z")),
                    new Klantbeeld.Vervolgactie(contactId(5).toString(), "doorverwijzing", "balie", "webformulier",
                            t("2026-03-12T09:00:00Z")));
        }

        @Test
        void eenTerugbelverzoek_isOpenTotHetTerugbellen() {
            Klantbeeld<Zaakkaart> tussendoor = beeld(dossier, t("2026-03-02T12:00:00Z"));

            assertThat(tussendoor.openVervolgacties()).extracting(Klantbeeld.Vervolgactie::klantcontactId)
                    .containsExactly(contactId(2).toString());
        }

        @Test
        void kanaalmix_contactenPerKanaal_inDeTwaalfMaandenTotHetPeilmoment() {
            assertThat(beeld.kanaalmix()).containsExactly(
                    new Klantbeeld.Kanaalgebruik("telefoon", 2),
                    new Klantbeeld.Kanaalgebruik("balie", 1),
                    new Klantbeeld.Kanaalgebruik("chat", 1),
                    new Klantbeeld.Kanaalgebruik("email", 1));
        }

        @Test
        void lopendeKlantreizen_deKlantreizenDieOpHetPeilmomentNogLopen() {
            List<Klantreis> alle = KlantreisWeergave.klantreizen(dossier, PEILMOMENT);

            assertThat(beeld.lopendeKlantreizen()).singleElement().satisfies(reis -> {
                assertThat(reis.thema().onderwerp()).isEqualTo("afval");
                assertThat(reis.gestartOp()).isEqualTo(t("2026-03-25T09:00:00Z"));
                assertThat(reis.status()).isEqualTo("lopend");
            });
            assertThat(alle).filteredOn(reis -> reis.status().equals("lopend"))
                    .containsExactlyElementsOf(beeld.lopendeKlantreizen());
        }
    }

    @Test
    void deDakkapelklant_zijnOrientatieIsOpgevolgd_enZijnKlantreisLooptTotDeAfsluiting() {
        Klantdossier dossier = Klantdossier.vouw(KLANT.waarde(), Dakkapel.gebeurtenissen());

        Klantbeeld<Zaakkaart> inMaart = beeld(dossier, t("2026-03-20T00:00:00Z"));
        Klantbeeld<Zaakkaart> inJuni = beeld(dossier, t("2026-06-01T00:00:00Z"));

        assertThat(inMaart.openVervolgacties()).isEmpty();
        assertThat(inMaart.lopendeKlantreizen()).extracting(Klantreis::klantreisId)
                .containsExactly(Dakkapel.ZAAKREIS.toString());
        assertThat(inMaart.kanaalmix()).containsExactly(new Klantbeeld.Kanaalgebruik("telefoon", 2),
                new Klantbeeld.Kanaalgebruik("webformulier", 1));
        assertThat(inJuni.lopendeKlantreizen()).isEmpty();
    }

    @Test
    void recenteContacten_hoogstensTwintig() {
        List<Object> opdrachten = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            opdrachten.add(eenKlantcontact().metId(i).op(String.format("2026-03-%02dT10:00:00+01:00", i)).bouw());
        }

        Klantbeeld<Zaakkaart> beeld = beeld(dossierNa(KLANT, opdrachten.toArray()), PEILMOMENT);

        assertThat(beeld.recenteContacten()).hasSize(20);
        assertThat(beeld.recenteContacten().get(0).klantcontactId()).isEqualTo(contactId(25).toString());
        assertThat(beeld.recenteContacten().get(19).klantcontactId()).isEqualTo(contactId(6).toString());
        assertThat(beeld.kanaalmix()).containsExactly(new Klantbeeld.Kanaalgebruik("telefoon", 25));
    }

    @Test
    void hetVenster_begintTwaalfKalendermaandenVoorHetPeilmoment() {
        Instant peilmoment = t("2026-04-01T12:00:00+02:00");
        Klantdossier dossier = dossierNa(KLANT,
                eenKlantcontact().metId(1).op("2025-04-01T11:59:59+02:00").viaKanaal("post").bouw(),
                eenKlantcontact().metId(2).op("2025-04-01T12:00:00+02:00").viaKanaal("balie").bouw(),
                eenKlantcontact().metId(3).op("2026-04-01T12:00:00+02:00").viaKanaal("chat").bouw(),
                eenKlantcontact().metId(4).op("2026-04-01T12:00:01+02:00").viaKanaal("email").bouw());

        Klantbeeld<Zaakkaart> beeld = beeld(dossier, peilmoment);

        assertThat(beeld.kanaalmix()).containsExactly(new Klantbeeld.Kanaalgebruik("balie", 1),
                new Klantbeeld.Kanaalgebruik("chat", 1));
        assertThat(beeld.recenteContacten()).extracting(Klantbeeld.Contact::klantcontactId)
                .containsExactly(contactId(3).toString(), contactId(2).toString());
    }

    @Test
    void eenKlantMetKvk_toontZijnKvkNummer_enGeenBsn() {
        KlantId bedrijf = new KlantId("k-testbedrijf00000000000001");
        Klantdossier dossier = dossierNa(bedrijf, eenKlantcontact()
                .kvk(bedrijf, new Versleuteld(SLEUTEL, "versleuteld-kvk-12345678")).bouw());

        Klantbeeld<Zaakkaart> beeld = beeld(dossier, PEILMOMENT);

        assertThat(beeld.kvk()).isEqualTo("12345678");
        assertThat(beeld.bsn()).isNull();
    }

    @Test
    void eenVerlorenSleutel_geeftGeenNummerEnGeenInhoud_zonderTeFalen() {
        Klantdossier dossier = dossierNa(KLANT, geschiedenis());

        Klantbeeld<Zaakkaart> beeld = KlantbeeldWeergave.klantbeeld(dossier, PEILMOMENT, waarde -> Optional.empty(),
                List.of());

        assertThat(beeld.bsn()).isNull();
        assertThat(beeld.recenteContacten()).extracting(Klantbeeld.Contact::inhoud).containsOnlyNulls();
    }

    @Nested
    class NaVergeten {
        private final List<Object> opdrachten = new ArrayList<>(List.of(geschiedenis()));

        NaVergeten() {
            opdrachten.add(vergeet("2026-03-28T12:00:00+01:00"));
        }

        @Test
        void hetDossierIsLeeg_alleenDatHijVergetenIs_enHetAnoniemeDeelHoudtZijnFeitenZonderPersoonsgegevens() {
            Klantdossier voor = dossierNa(KLANT, geschiedenis());
            Klantdossier dossier = dossierNa(KLANT, opdrachten.toArray());

            assertThat(dossier.isVergeten()).isTrue();
            assertThat(dossier.vergetenOp()).isNull();
            assertThat(dossier.nummer()).isNull();
            assertThat(dossier.contacten()).isEmpty();
            assertThat(dossier.zaken()).isEmpty();
            assertThat(dossier.klantreizen()).isEmpty();
            assertThat(dossier.kanaalwissels()).isEmpty();
            assertThat(dossier.kanaalvoorkeuren()).isEmpty();
            assertThat(dossier.heeftFeiten()).isFalse();

            Klantdossier anoniem = voor.anoniem("vergeten-00000000-0000-4000-8000-000000000001");
            assertThat(anoniem.klantId()).isEqualTo("vergeten-00000000-0000-4000-8000-000000000001");
            assertThat(anoniem.isVergeten()).isTrue();
            assertThat(anoniem.nummer()).isNull();
            assertThat(anoniem.kanaalvoorkeuren()).isEmpty();
            assertThat(anoniem.contacten()).extracting(Klantdossier.Contact::inhoud).containsOnlyNulls();
            assertThat(anoniem.contacten()).extracting(Klantdossier.Contact::medewerker).containsOnlyNulls();
            // What the KPIs count is exactly what they counted before.
            assertThat(anoniem.contactgegevens()).isEqualTo(voor.contactgegevens());
            assertThat(anoniem.zaakgegevens()).isEqualTo(voor.zaakgegevens());
            assertThat(anoniem.indelingen()).extracting(i -> i.stappen().size())
                    .isEqualTo(voor.indelingen().stream().map(i -> i.stappen().size()).toList());
            assertThat(anoniem.klantreizen()).extracting(Klantdossier.Reis::klantreisId)
                    .doesNotContainAnyElementsOf(voor.klantreizen().stream()
                            .map(Klantdossier.Reis::klantreisId).toList());
            assertThat(anoniem.soort()).isEqualTo(voor.soort());
        }

        @Test
        void hetDossierBewaartGeenVersleuteldeWaardenMeer() throws Exception {
            String json = Eventserialisatie.objectMapper().writeValueAsString(dossierNa(KLANT, opdrachten.toArray()));

            assertThat(json).doesNotContain("versleuteld-").doesNotContain("\"inhoud\"").doesNotContain("\"nummer\"");
        }

        @Test
        void eenHerhaaldeOudeGebeurtenis_brengtDeGegevensNietTerug() {
            var gebeurtenissen = new ArrayList<>(KlantOpDeBus.gebeurtenissenNa(KLANT, opdrachten.toArray()));
            gebeurtenissen.addAll(KlantOpDeBus.gebeurtenissenNa(KLANT, geschiedenis()));

            Klantdossier dossier = Klantdossier.vouw(KLANT.waarde(), gebeurtenissen);
            Klantbeeld<Zaakkaart> beeld = beeld(dossier, PEILMOMENT);

            assertThat(beeld.bsn()).isNull();
            assertThat(beeld.recenteContacten()).extracting(Klantbeeld.Contact::inhoud).containsOnlyNulls();
        }

        @Test
        void eenTeruggekeerdeKlant_heeftEenNieuweSleutel_enZietAlleenZijnNieuweGeschiedenis() {
            String nieuweSleutel = "0e0e0e0e-0000-4000-8000-00000000a002";
            KlantcontactId nieuw = contactId(8);
            opdrachten.add(eenKlantcontact().metId(nieuw).op("2026-03-30T10:00:00+02:00")
                    .metNummer(new Versleuteld(nieuweSleutel, "versleuteld-bsn-999990342"))
                    .metInhoud(new Versleuteld(nieuweSleutel, "versleuteld-inhoud-" + nieuw)).bouw());

            Klantdossier dossier = dossierNa(KLANT, opdrachten.toArray());
            Klantbeeld<Zaakkaart> beeld = beeld(dossier, PEILMOMENT);

            assertThat(beeld.bsn()).isEqualTo("999990342");
            assertThat(dossier.isVergeten()).isFalse();
            assertThat(beeld.recenteContacten()).singleElement().satisfies(contact -> {
                assertThat(contact.klantcontactId()).isEqualTo(nieuw.toString());
                assertThat(contact.inhoud()).isEqualTo("gezegd in " + nieuw);
            });
            assertThat(dossier.klantreizen()).singleElement()
                    .satisfies(reis -> assertThat(reis.contacten()).containsExactly(nieuw));
        }
    }

    @Test
    void hetBeeld_heeftDeVeldenVanHetContract() {
        Klantbeeld<Zaakkaart> beeld = beeld(dossierNa(KLANT, geschiedenis()), PEILMOMENT);

        for (ObjectMapper mapper : List.of(Eventserialisatie.objectMapper(), new ObjectMapper()
                .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))) {
            JsonNode json = mapper.valueToTree(beeld);
            assertThat(json.fieldNames()).toIterable().containsExactly("klantId", "bsn", "kanaalvoorkeur",
                    "openZaken", "recenteContacten", "openVervolgacties", "kanaalmix", "lopendeKlantreizen");
            assertThat(json.get("kanaalvoorkeur").get(0).fieldNames()).toIterable()
                    .containsExactly("kanaal", "vastgelegdOp");
            assertThat(json.get("recenteContacten").get(0).fieldNames()).toIterable().containsExactly(
                    "klantcontactId", "kanaal", "plaatsgevondenOp", "onderwerp", "resultaat", "inhoud", "medewerker");
            assertThat(json.get("recenteContacten").get(0).get("inhoud").isNull()).isTrue();
            assertThat(json.get("openVervolgacties").get(1).fieldNames()).toIterable().containsExactly(
                    "klantcontactId", "soort", "kanaal", "doorverwezenNaar", "sinds");
            assertThat(json.get("openVervolgacties").get(0).has("doorverwezenNaar")).isFalse();
            assertThat(json.get("kanaalmix").get(0).fieldNames()).toIterable().containsExactly("kanaal", "aantal");
            assertThat(json.get("openZaken").get(0).get("identificatie").asText()).isEqualTo("ZAAK-2026-0000123");
        }
    }

    @Test
    void eenAnoniemeKlant_heeftGeenNummer() {
        KlantId anoniem = new KlantId("anoniem-" + contactId(1));
        Klantbeeld<Zaakkaart> beeld = beeld(dossierNa(anoniem, eenKlantcontact().anoniem(anoniem).metId(1).bouw()),
                PEILMOMENT);

        assertThat(beeld.bsn()).isNull();
        assertThat(beeld.kvk()).isNull();
        assertThat(beeld.recenteContacten()).hasSize(1);
    }

    @Test
    void nummerEnInhoudKomenUitDeSleutelkast() {
        Sleutelkast kast = new Sleutelkast();

        KlantbeeldWeergave.klantbeeld(dossierNa(KLANT, eenKlantcontact().metId(1).bouw()), PEILMOMENT, kast,
                List.of());

        assertThat(kast.gevraagd).hasValue(2);
        assertThat(NUMMER.sleutel()).isEqualTo(SLEUTEL);
    }
}
