package nl.klantreis.domein.zaak;

import static nl.klantreis.domein.zaak.ZaakTestdata.GEREGISTREERD_OP;
import static nl.klantreis.domein.zaak.ZaakTestdata.INITIATOR;
import static nl.klantreis.domein.zaak.ZaakTestdata.INITIATORNUMMER;
import static nl.klantreis.domein.zaak.ZaakTestdata.OMSCHRIJVING;
import static nl.klantreis.domein.zaak.ZaakTestdata.ZAAK;
import static nl.klantreis.domein.zaak.ZaakTestdata.afsluiting;
import static nl.klantreis.domein.zaak.ZaakTestdata.eenZaakregistratie;
import static nl.klantreis.domein.zaak.ZaakTestdata.hervatting;
import static nl.klantreis.domein.zaak.ZaakTestdata.omgevingsvergunning;
import static nl.klantreis.domein.zaak.ZaakTestdata.opschorting;
import static nl.klantreis.domein.zaak.ZaakTestdata.status;
import static nl.klantreis.domein.zaak.ZaakTestdata.t;
import static nl.klantreis.domein.zaak.ZaakTestdata.verlenging;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.RegelOvertreden;
import nl.klantreis.domein.testondersteuning.OpDeCommandbus;
import nl.klantreis.domein.zaak.ZaakTestdata.RegistratieBuilder;

class ZaakTest {
    private static final LocalDate SERVICENORM_DAKKAPEL = LocalDate.of(2026, 4, 29);

    private FixtureConfiguration<Zaak> fixture;

    @BeforeEach
    void nieuweFixture() {
        fixture = new AggregateTestFixture<>(Zaak.class);
    }

    private static UiterlijkeEinddatumBepaald einddatum(LocalDate datum, LocalDate basis, int verlenging,
                                                        int opschorting, Instant opgeschortSinds) {
        return new UiterlijkeEinddatumBepaald(ZAAK, datum, basis, verlenging, opschorting, opgeschortSinds);
    }

    private static UiterlijkeEinddatumBepaald servicenorm() {
        return einddatum(SERVICENORM_DAKKAPEL, SERVICENORM_DAKKAPEL, 0, 0, null);
    }

    private static ZaakUitkomst nieuw() {
        return new ZaakUitkomst(Afhandeling.NIEUW, INITIATOR, null);
    }

    /** The exact sequence of event payloads; an unusable fact is matched on everything but its wording. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<Message<?>>> precies(Object... verwacht) {
        List<Matcher> matchers = new ArrayList<>(Arrays.stream(verwacht)
                .map(v -> v instanceof Matcher m ? m : org.hamcrest.Matchers.equalTo(v)).toList());
        matchers.add(Matchers.andNoMore());
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(matchers.toArray(new Matcher[0])));
    }

    private static Matcher<Object> onbruikbaar(Zaakfeitsoort feit, String code, Instant op) {
        return Matchers.matches(gebeurd -> gebeurd instanceof ZaakfeitOnbruikbaar o && o.zaakId().equals(ZAAK)
                && o.feit().equals(feit) && Objects.equals(o.code(), code) && o.op().equals(op)
                && o.reden() != null && !o.reden().isBlank());
    }

    @Nested
    class Registratie {

        @Test
        void registratie_legtZaakVast_enBepaaltUiterlijkeEinddatumUitDeServicenorm() {
            fixture.givenNoPriorActivity()
                    .when(eenZaakregistratie().bouw())
                    .expectEvents(
                            new ZaakGeregistreerd(ZAAK, "ZAAK-TEST-0000123", "omgevingsvergunning", omgevingsvergunning(),
                                    "openbaar", INITIATOR, Identificatiesoort.BSN, INITIATORNUMMER, "webformulier",
                                    "website", GEREGISTREERD_OP, OMSCHRIJVING, null),
                            einddatum(LocalDate.of(2026, 4, 29), LocalDate.of(2026, 4, 29), 0, 0, null))
                    .expectResultMessagePayload(nieuw());
        }

        @Test
        void registratieKortNaMiddernacht_telVanafDeDatumInAmsterdam() {
            // 23:30 UTC on 03-04 is 00:30 on 03-05 in Amsterdam
            RegistratieBuilder registratie = eenZaakregistratie().geregistreerdOp("2026-03-04T23:30:00Z");

            fixture.givenNoPriorActivity()
                    .when(registratie.bouw())
                    .expectEvents(registratie.geregistreerd(),
                            einddatum(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 30), 0, 0, null));
        }

        @Test
        void meegestuurdeUiterlijkeEinddatum_isDeBasis() {
            LocalDate opgegeven = LocalDate.of(2026, 5, 15);
            RegistratieBuilder registratie = eenZaakregistratie().metUiterlijkeEinddatum(opgegeven);

            fixture.givenNoPriorActivity()
                    .when(registratie.bouw())
                    .expectEvents(registratie.geregistreerd(), einddatum(opgegeven, opgegeven, 0, 0, null));
        }

        @Test
        void meegestuurdeUiterlijkeEinddatum_schuiftOokMetOpschortingEnVerlenging() {
            LocalDate opgegeven = LocalDate.of(2026, 5, 15);

            fixture.givenCommands(eenZaakregistratie().metUiterlijkeEinddatum(opgegeven).bouw(),
                            opschorting("2026-03-09T11:00:00+01:00"), hervatting("2026-03-18T09:30:00+01:00"))
                    .when(verlenging("2026-04-01T10:00:00+02:00", 10))
                    .expectEventsMatching(precies(
                            new ZaakVerlengd(ZAAK, t("2026-04-01T10:00:00+02:00"), 10,
                                    verlenging("2026-04-01T10:00:00+02:00", 10).reden()),
                            einddatum(LocalDate.of(2026, 6, 3), opgegeven, 10, 9, null)));
        }

        @Test
        void zelfdeRegistratieNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(eenZaakregistratie().bouw())
                    .expectNoEvents()
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.AL_BEKEND, INITIATOR, null));
        }

        @Test
        void registratieMetAndereGegevens_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(eenZaakregistratie().metIdentificatie("ZAAK-TEST-0000999").bouw())
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        @Test
        void status_naRegistratie_wordtGezet_enNoemtDeInitiator() {
            ZetZaakstatus ontvangen = status("ontvangen", "2026-03-04T20:31:12+01:00");

            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(ontvangen)
                    .expectEvents(new ZaakstatusGezet(ZAAK, "ontvangen", ontvangen.datumStatusGezet(), null))
                    .expectResultMessagePayload(nieuw());
        }

        @Test
        void zelfdeStatusNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakregistratie().bouw(), status("ontvangen", "2026-03-04T20:31:12+01:00"))
                    .when(status("ontvangen", "2026-03-04T20:31:12+01:00"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.AL_BEKEND, INITIATOR, null));
        }

        @Test
        void statusVanAnderZaaktype_naRegistratie_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(status("in-productie", "2026-03-05T10:00:00+01:00"))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void statusVoorZaak_wordtBewaard_totZaakBekendIs() {
            fixture.givenNoPriorActivity()
                    .when(status("ontvangen", "2026-03-04T20:31:12+01:00"))
                    .expectEvents(new ZaakstatusGezet(ZAAK, "ontvangen", t("2026-03-04T20:31:12+01:00"), null))
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.NIEUW, null, null));
        }

        @Test
        void statusVoorZaak_wordtBijRegistratieToegepast_zonderOnbruikbaar() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(status("ontvangen", "2026-03-04T20:31:12+01:00"),
                            status("aanvulling-gevraagd", "2026-03-09T11:00:00+01:00"))
                    .when(registratie.bouw())
                    .expectEvents(registratie.geregistreerd(), servicenorm())
                    .expectResultMessagePayload(nieuw())
                    .expectState(zaak -> assertThat(zaak.statustypen())
                            .containsExactlyInAnyOrder("ontvangen", "aanvulling-gevraagd"));
        }

        @Test
        void statusVanAnderZaaktypeVoorZaak_wordtBijRegistratieOnbruikbaar() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(status("ontvangen", "2026-03-04T20:31:12+01:00"),
                            status("in-productie", "2026-03-05T10:00:00+01:00"))
                    .when(registratie.bouw())
                    .expectEventsMatching(precies(registratie.geregistreerd(),
                            onbruikbaar(Zaakfeitsoort.STATUS_GEZET, "in-productie", t("2026-03-05T10:00:00+01:00")),
                            servicenorm()))
                    .expectState(zaak -> assertThat(zaak.statustypen()).containsExactly("ontvangen"));
        }

        @Test
        void onbruikbareStatusNogmaals_wordtGeweigerd_nietStilGenegeerd() {
            fixture.givenCommands(status("in-productie", "2026-03-05T10:00:00+01:00"), eenZaakregistratie().bouw())
                    .when(status("in-productie", "2026-03-05T10:00:00+01:00"))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class OpschortingEnHervatting {

        @Test
        void opschorting_zetDeKlokStil_enDeEinddatumLooptMee() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(opschorting("2026-03-09T11:00:00+01:00"))
                    .expectEventsMatching(precies(
                            new ZaakOpgeschort(ZAAK, t("2026-03-09T11:00:00+01:00"),
                                    opschorting("2026-03-09T11:00:00+01:00").reden()),
                            einddatum(SERVICENORM_DAKKAPEL, SERVICENORM_DAKKAPEL, 0, 0, t("2026-03-09T11:00:00+01:00"))))
                    .expectResultMessagePayload(nieuw());
        }

        @Test
        void hervatting_naOpschorting_verschuiftEinddatumMetDeOpgeschorteDagen() {
            fixture.givenCommands(eenZaakregistratie().bouw(), opschorting("2026-03-09T11:00:00+01:00"))
                    .when(hervatting("2026-03-18T09:30:00+01:00"))
                    .expectEvents(new ZaakHervat(ZAAK, t("2026-03-18T09:30:00+01:00"), null),
                            einddatum(LocalDate.of(2026, 5, 8), SERVICENORM_DAKKAPEL, 0, 9, null));
        }

        @Test
        void hervattingVoorOpschorting_geeftDezelfdeEinddatum() {
            fixture.givenCommands(eenZaakregistratie().bouw(), hervatting("2026-03-18T09:30:00+01:00"))
                    .when(opschorting("2026-03-09T11:00:00+01:00"))
                    .expectEventsMatching(precies(
                            new ZaakOpgeschort(ZAAK, t("2026-03-09T11:00:00+01:00"),
                                    opschorting("2026-03-09T11:00:00+01:00").reden()),
                            einddatum(LocalDate.of(2026, 5, 8), SERVICENORM_DAKKAPEL, 0, 9, null)));
        }

        @Test
        void hervattingZonderOpschorting_verandertDeEinddatumNiet() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(hervatting("2026-03-18T09:30:00+01:00"))
                    .expectEvents(new ZaakHervat(ZAAK, t("2026-03-18T09:30:00+01:00"), null));
        }

        @Test
        void opschortingEnHervattingVoorZaak_tellenBijRegistratie() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(hervatting("2026-03-18T09:30:00+01:00"), opschorting("2026-03-09T11:00:00+01:00"))
                    .when(registratie.bouw())
                    .expectEvents(registratie.geregistreerd(),
                            einddatum(LocalDate.of(2026, 5, 8), SERVICENORM_DAKKAPEL, 0, 9, null));
        }

        @Test
        void zelfdeOpschortingNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakregistratie().bouw(), opschorting("2026-03-09T11:00:00+01:00"))
                    .when(opschorting("2026-03-09T11:00:00+01:00"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.AL_BEKEND, INITIATOR, null));
        }

        @Test
        void opschortingBijZaaktypeZonderOpschorting_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().alsPaspoortaanvraag().bouw())
                    .when(opschorting("2026-03-05T11:00:00+01:00"))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void hervattingBijZaaktypeZonderOpschorting_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().alsPaspoortaanvraag().bouw())
                    .when(hervatting("2026-03-06T11:00:00+01:00"))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void opschortingVoorZaakVanZaaktypeZonderOpschorting_wordtOnbruikbaar() {
            RegistratieBuilder paspoort = eenZaakregistratie().alsPaspoortaanvraag();
            LocalDate servicenorm = LocalDate.of(2026, 3, 11);

            fixture.givenCommands(opschorting("2026-03-05T11:00:00+01:00"), hervatting("2026-03-06T11:00:00+01:00"))
                    .when(paspoort.bouw())
                    .expectEventsMatching(precies(paspoort.geregistreerd(),
                            onbruikbaar(Zaakfeitsoort.ZAAK_OPGESCHORT, null, t("2026-03-05T11:00:00+01:00")),
                            onbruikbaar(Zaakfeitsoort.ZAAK_HERVAT, null, t("2026-03-06T11:00:00+01:00")),
                            new UiterlijkeEinddatumBepaald(ZAAK, servicenorm, servicenorm, 0, 0, null)));
        }
    }

    @Nested
    class Verlenging {

        @Test
        void verlengingBinnenDeGrens_verschuiftDeEinddatum() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(verlenging("2026-04-20T10:00:00+02:00", 42))
                    .expectEventsMatching(precies(
                            new ZaakVerlengd(ZAAK, t("2026-04-20T10:00:00+02:00"), 42,
                                    verlenging("2026-04-20T10:00:00+02:00", 42).reden()),
                            einddatum(LocalDate.of(2026, 6, 10), SERVICENORM_DAKKAPEL, 42, 0, null)))
                    .expectResultMessagePayload(nieuw());
        }

        @Test
        void verlengingBovenDeGrens_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(verlenging("2026-04-20T10:00:00+02:00", 43))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void verlengingBijZaaktypeZonderVerlenging_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().alsPaspoortaanvraag().bouw())
                    .when(verlenging("2026-03-06T10:00:00+01:00", 1))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void verlengingVoorZaakBovenDeGrens_wordtBijRegistratieOnbruikbaar() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(verlenging("2026-03-05T10:00:00+01:00", 50))
                    .when(registratie.bouw())
                    .expectEventsMatching(precies(registratie.geregistreerd(),
                            onbruikbaar(Zaakfeitsoort.ZAAK_VERLENGD, "50", t("2026-03-05T10:00:00+01:00")),
                            servicenorm()));
        }

        @Test
        void verlengingVoorZaakBinnenDeGrens_teltBijRegistratie() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(verlenging("2026-03-05T10:00:00+01:00", 10))
                    .when(registratie.bouw())
                    .expectEvents(registratie.geregistreerd(),
                            einddatum(LocalDate.of(2026, 5, 9), SERVICENORM_DAKKAPEL, 10, 0, null));
        }

        @Test
        void zelfdeVerlengingNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakregistratie().bouw(), verlenging("2026-04-20T10:00:00+02:00", 14))
                    .when(verlenging("2026-04-20T10:00:00+02:00", 14))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.AL_BEKEND, INITIATOR, null));
        }
    }

    @Nested
    class Afsluiting {
        private final Instant afgeslotenOp = t("2026-04-21T08:00:00+02:00");

        @Test
        void afsluiting_legtResultaatVast_enGeeftInitiatorEnAfgeslotenOp() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(afsluiting("2026-04-21T08:00:00+02:00", "toegekend"))
                    .expectEvents(new ZaakAfgesloten(ZAAK, afgeslotenOp, "toegekend",
                            afsluiting("2026-04-21T08:00:00+02:00", "toegekend").toelichting()))
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.NIEUW, INITIATOR, afgeslotenOp));
        }

        @Test
        void afsluitingMetOnbekendResultaat_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().bouw())
                    .when(afsluiting("2026-04-21T08:00:00+02:00", "afgehandeld")) // a paspoort result
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void zelfdeAfsluitingNogmaals_isAlBekend() {
            fixture.givenCommands(eenZaakregistratie().bouw(), afsluiting("2026-04-21T08:00:00+02:00", "toegekend"))
                    .when(afsluiting("2026-04-21T08:00:00+02:00", "toegekend"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.AL_BEKEND, INITIATOR, afgeslotenOp));
        }

        @Test
        void andereTweedeAfsluiting_wordtGeweigerd() {
            fixture.givenCommands(eenZaakregistratie().bouw(), afsluiting("2026-04-21T08:00:00+02:00", "toegekend"))
                    .when(afsluiting("2026-04-21T08:00:00+02:00", "afgewezen"))
                    .expectException(RegelOvertreden.class)
                    .expectNoEvents();
        }

        @Test
        void afsluitingVoorRegistratie_geeftBijRegistratieAfgeslotenOpMee() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(afsluiting("2026-04-21T08:00:00+02:00", "toegekend"))
                    .when(registratie.bouw())
                    .expectEvents(registratie.geregistreerd(), servicenorm())
                    .expectResultMessagePayload(new ZaakUitkomst(Afhandeling.NIEUW, INITIATOR, afgeslotenOp));
        }

        @Test
        void afsluitingVoorRegistratieMetOnbekendResultaat_wordtOnbruikbaar_enTeltNietAlsAfgesloten() {
            RegistratieBuilder registratie = eenZaakregistratie();

            fixture.givenCommands(afsluiting("2026-04-21T08:00:00+02:00", "uitgereikt"))
                    .when(registratie.bouw())
                    .expectEventsMatching(precies(registratie.geregistreerd(),
                            onbruikbaar(Zaakfeitsoort.ZAAK_AFGESLOTEN, "uitgereikt", afgeslotenOp), servicenorm()))
                    .expectResultMessagePayload(nieuw());
        }
    }

    /**
     * The zaak facts of the worked example (contract/examples/README.md), delivered through a real
     * command bus in random orders, some twice: a zaaksysteem sends statuses before the zaak and
     * the ingestion retries. Whatever the order, MijnZaken must show the same zaak.
     */
    @Nested
    class AfleveringInWillekeurigeVolgorde {

        @Test
        void dakkapelzaak_inElkeVolgorde_eindigtOp8MeiMetAlleStatussen_enMeldtDeAfsluiting() {
            List<Object> feiten = List.of(
                    eenZaakregistratie().bouw(),
                    status("ontvangen", "2026-03-04T20:31:12+01:00"),
                    status("aanvulling-gevraagd", "2026-03-09T11:00:00+01:00"),
                    opschorting("2026-03-09T11:00:00+01:00"),
                    hervatting("2026-03-18T09:30:00+01:00"),
                    status("in-behandeling", "2026-03-18T09:30:00+01:00"),
                    status("besluit-genomen", "2026-04-20T14:00:00+02:00"),
                    afsluiting("2026-04-21T08:00:00+02:00", "toegekend"));
            Random random = new Random(20260421L);

            for (int i = 0; i < 150; i++) {
                List<Object> volgorde = new ArrayList<>(feiten);
                Collections.shuffle(volgorde, random);
                for (int dubbel = random.nextInt(3); dubbel > 0; dubbel--) {
                    int bron = random.nextInt(volgorde.size());
                    volgorde.add(bron + 1 + random.nextInt(volgorde.size() - bron), volgorde.get(bron));
                }

                try (OpDeCommandbus<Zaak> zaak = new OpDeCommandbus<>(Zaak.class)) {
                    List<Object> gezien = new ArrayList<>();
                    boolean afsluitingGemeld = false;
                    for (Object opdracht : volgorde) {
                        ZaakUitkomst uitkomst = zaak.stuur(opdracht);
                        assertThat(uitkomst.afhandeling()).as("volgorde %s: %s", volgorde, opdracht)
                                .isEqualTo(gezien.contains(opdracht) ? Afhandeling.AL_BEKEND : Afhandeling.NIEUW);
                        gezien.add(opdracht);
                        // what the ingestion needs to tell the Klant: the closure, once both are known
                        afsluitingGemeld |= uitkomst.afhandeling() == Afhandeling.NIEUW
                                && INITIATOR.equals(uitkomst.initiator())
                                && t("2026-04-21T08:00:00+02:00").equals(uitkomst.afgeslotenOp());
                    }
                    assertThat(afsluitingGemeld).as("volgorde %s", volgorde).isTrue();

                    List<Object> gebeurd = zaak.gebeurtenissen(ZAAK);
                    assertThat(gebeurd).as("volgorde %s", volgorde).noneMatch(ZaakfeitOnbruikbaar.class::isInstance);
                    assertThat(gebeurd).filteredOn(ZaakstatusGezet.class::isInstance)
                            .extracting(g -> ((ZaakstatusGezet) g).statustype())
                            .containsExactlyInAnyOrder("ontvangen", "aanvulling-gevraagd", "in-behandeling",
                                    "besluit-genomen");
                    assertThat(gebeurd).filteredOn(UiterlijkeEinddatumBepaald.class::isInstance).last()
                            .as("volgorde %s", volgorde)
                            .isEqualTo(einddatum(LocalDate.of(2026, 5, 8), SERVICENORM_DAKKAPEL, 0, 9, null));
                    assertThat(gebeurd).filteredOn(ZaakAfgesloten.class::isInstance).singleElement()
                            .extracting(g -> ((ZaakAfgesloten) g).resultaat()).isEqualTo("toegekend");
                }
            }
        }
    }
}
