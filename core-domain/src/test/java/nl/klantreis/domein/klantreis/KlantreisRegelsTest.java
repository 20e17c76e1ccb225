package nl.klantreis.domein.klantreis;

import static nl.klantreis.domein.klantreis.Feiten.KLANT;
import static nl.klantreis.domein.klantreis.Feiten.eenContact;
import static nl.klantreis.domein.klantreis.Feiten.eenZaak;
import static nl.klantreis.domein.klantreis.Feiten.t;
import static nl.klantreis.domein.klantreis.Feiten.zaakId;
import static nl.klantreis.domein.klantreis.Volgorden.permutaties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.ZaakId;

/** KLANTREIS-EN-KPI.md §1 (klantreis) and §2 (kanaalwissel) as plain unit tests of the pure rules. */
class KlantreisRegelsTest {

    private static List<Klantreisindeling> deelIn(Collection<Contactgegevens> contacten, Collection<Zaakgegevens> zaken) {
        return KlantreisRegels.deelIn(KLANT, contacten, zaken, false);
    }

    private static Klantreisindeling reisMet(List<Klantreisindeling> reizen, KlantcontactId contact) {
        List<Klantreisindeling> met = reizen.stream()
                .filter(r -> r.stappen().stream().anyMatch(s -> contact.equals(s.klantcontactId()))).toList();
        assertThat(met).as("klantreizen met klantcontact %s", contact).hasSize(1);
        return met.get(0);
    }

    private static String stap(KlantcontactId contact) {
        return "klantcontact:" + contact;
    }

    private static String stap(ZaakId zaak) {
        return "zaak:" + zaak;
    }

    private static KlantreisId zaakreis(ZaakId zaak) {
        return KlantreisRegels.klantreisId(KLANT, Klantreissoort.ZAAK, zaak.toString());
    }

    @Nested
    class Dakkapelvoorbeeld {

        @Test
        void dakkapel_vormtEenKlantreisVanDeZaak_metStappenOpVolgorde() {
            List<Klantreisindeling> reizen = deelIn(Dakkapel.contacten(), List.of(Dakkapel.zaak()));

            assertThat(reizen).hasSize(1);
            Klantreisindeling reis = reizen.get(0);
            assertThat(reis.id()).isEqualTo(zaakreis(Dakkapel.ZAAK));
            assertThat(reis.soort()).isEqualTo(Klantreissoort.ZAAK);
            assertThat(reis.thema()).isEqualTo(Thema.zaak(Dakkapel.ZAAK));
            assertThat(reis.stappen()).extracting(Reisstap::soort, Reisstap::sleutel, Reisstap::kanaal, Reisstap::op).containsExactly(
                    tuple(Reisstap.Soort.KLANTCONTACT, stap(Dakkapel.ORIENTATIE), "telefoon", t("2026-03-02T09:12:40+01:00")),
                    tuple(Reisstap.Soort.KLANTCONTACT, stap(Dakkapel.AANVRAAG), "webformulier", t("2026-03-04T20:31:00+01:00")),
                    tuple(Reisstap.Soort.ZAAK_GEREGISTREERD, stap(Dakkapel.ZAAK), "webformulier", t("2026-03-04T20:31:10+01:00")),
                    tuple(Reisstap.Soort.KLANTCONTACT, stap(Dakkapel.STATUSNAVRAAG), "telefoon", t("2026-03-16T10:05:00+01:00")));
            assertThat(reis.gestartOp()).isEqualTo(t("2026-03-02T09:12:40+01:00"));
            assertThat(reis.beeindigdOp()).isEqualTo(t("2026-04-21T08:00:00+02:00"));
        }

        @Test
        void dakkapel_heeftWarmeWisselNaarWebformulier_koudeTerugNaarTelefoon_enGeenTussenStap2En3() {
            Klantreisindeling reis = deelIn(Dakkapel.contacten(), List.of(Dakkapel.zaak())).get(0);

            assertThat(reis.kanaalwissels()).containsExactly(
                    new Kanaalwissel(reis.id(), stap(Dakkapel.ORIENTATIE), stap(Dakkapel.AANVRAAG), "telefoon",
                            "webformulier", t("2026-03-04T20:31:00+01:00"), true),
                    new Kanaalwissel(reis.id(), stap(Dakkapel.ZAAK), stap(Dakkapel.STATUSNAVRAAG), "webformulier",
                            "telefoon", t("2026-03-16T10:05:00+01:00"), false));
        }

        @Test
        void dakkapel_geeftInElkeVolgordeDezelfdeKlantreis() {
            List<Klantreisindeling> verwacht = deelIn(Dakkapel.contacten(), List.of(Dakkapel.zaak()));
            for (List<Contactgegevens> volgorde : permutaties(Dakkapel.contacten())) {
                assertThat(deelIn(volgorde, List.of(Dakkapel.zaak()))).as("volgorde %s", volgorde).isEqualTo(verwacht);
            }
        }

        @Test
        void anoniemeChat_isEenKlantreisVanZichzelf_zonderWissel() {
            KlantId anoniem = new KlantId("anoniem-a1b2c3d4");

            List<Klantreisindeling> reizen = KlantreisRegels.deelIn(anoniem, List.of(Dakkapel.chat()), List.of(), true);

            assertThat(reizen).singleElement().satisfies(reis -> {
                assertThat(reis.soort()).isEqualTo(Klantreissoort.ANONIEM);
                assertThat(reis.thema()).isEqualTo(Thema.onderwerp("algemene-vraag"));
                assertThat(reis.stappen()).extracting(Reisstap::sleutel, Reisstap::kanaal)
                        .containsExactly(tuple(stap(Dakkapel.CHAT), "chat"));
                assertThat(reis.kanaalwissels()).isEmpty();
                assertThat(reis.beeindigdOp()).isNull();
            });
        }
    }

    @Nested
    class Orientatie {
        private final Contactgegevens belt = eenContact().metId(1).op("2026-02-01T10:00:00+01:00")
                .overOnderwerp("omgevingsvergunning").bouw();

        @Test
        void orientatie_preciesVeertienDagenVoorRegistratie_hoortBijZaak() {
            Zaakgegevens zaak = eenZaak().geregistreerdOp("2026-02-15T10:00:00+01:00").bouw();

            Klantreisindeling reis = reisMet(deelIn(List.of(belt), List.of(zaak)), belt.id());

            assertThat(reis.id()).isEqualTo(zaakreis(zaak.zaak()));
            assertThat(reis.stappen()).extracting(Reisstap::sleutel).containsExactly(stap(belt.id()), stap(zaak.zaak()));
            assertThat(reis.gestartOp()).as("de klantreis begint bij de orientatie").isEqualTo(belt.op());
        }

        @Test
        void orientatie_veertienDagenEnEenSecondeVoorRegistratie_hoortNietBijZaak() {
            Zaakgegevens zaak = eenZaak().geregistreerdOp("2026-02-15T10:00:01+01:00").bouw();

            List<Klantreisindeling> reizen = deelIn(List.of(belt), List.of(zaak));

            Klantreisindeling reis = reisMet(reizen, belt.id());
            assertThat(reis.soort()).isEqualTo(Klantreissoort.ONDERWERP);
            assertThat(reis.thema()).isEqualTo(Thema.onderwerp("omgevingsvergunning"));
            assertThat(reizen).hasSize(2);
        }

        @Test
        void contactNaRegistratie_isGeenOrientatie() {
            Zaakgegevens zaak = eenZaak().geregistreerdOp("2026-01-31T10:00:00+01:00").bouw();

            Klantreisindeling reis = reisMet(deelIn(List.of(belt), List.of(zaak)), belt.id());

            assertThat(reis.soort()).isEqualTo(Klantreissoort.ONDERWERP);
        }

        @Test
        void contactOpHetMomentVanRegistratie_isGeenOrientatie_wantRegistratieGaatVoor() {
            Zaakgegevens zaak = eenZaak().geregistreerdOp(belt.op()).bouw();

            Klantreisindeling reis = reisMet(deelIn(List.of(belt), List.of(zaak)), belt.id());

            assertThat(reis.soort()).isEqualTo(Klantreissoort.ONDERWERP);
        }

        @Test
        void orientatie_vraagtHetzelfdeZaaktype_alsOnderwerp() {
            Zaakgegevens paspoort = eenZaak().vanZaaktype("paspoort-aanvragen").geregistreerdOp("2026-02-03T10:00:00+01:00")
                    .bouw();

            Klantreisindeling reis = reisMet(deelIn(List.of(belt), List.of(paspoort)), belt.id());

            assertThat(reis.soort()).isEqualTo(Klantreissoort.ONDERWERP);
        }

        @Test
        void vanTweeZaken_krijgtDeEersteGeregistreerdeNaHetContact_deOrientatie() {
            // zaakId(1) sorts first, but zaakId(2) was registered first after the call
            Zaakgegevens later = eenZaak().metId(zaakId(1)).geregistreerdOp("2026-02-10T10:00:00+01:00").bouw();
            Zaakgegevens eerder = eenZaak().metId(zaakId(2)).geregistreerdOp("2026-02-05T10:00:00+01:00").bouw();
            Zaakgegevens alVoorHetContact = eenZaak().metId(zaakId(3)).geregistreerdOp("2026-01-30T10:00:00+01:00").bouw();

            for (List<Zaakgegevens> zaken : permutaties(List.of(later, eerder, alVoorHetContact))) {
                Klantreisindeling reis = reisMet(deelIn(List.of(belt), zaken), belt.id());
                assertThat(reis.id()).as("zaken in volgorde %s", zaken).isEqualTo(zaakreis(eerder.zaak()));
            }
        }

        @Test
        void orientatie_geldtOokAlsDeZaakPasLaterBekendWordt() {
            Contactgegevens vervolg = eenContact().metId(2).op("2026-02-03T10:00:00+01:00")
                    .overOnderwerp("omgevingsvergunning").viaKanaal("balie").bouw();
            Zaakgegevens zaak = eenZaak().geregistreerdOp("2026-02-10T10:00:00+01:00").bouw();

            List<Klantreisindeling> zonderZaak = deelIn(List.of(belt, vervolg), List.of());
            List<Klantreisindeling> metZaak = deelIn(List.of(belt, vervolg), List.of(zaak));

            assertThat(zonderZaak).singleElement()
                    .satisfies(reis -> assertThat(reis.soort()).isEqualTo(Klantreissoort.ONDERWERP));
            assertThat(metZaak).singleElement().satisfies(reis -> {
                assertThat(reis.id()).isEqualTo(zaakreis(zaak.zaak()));
                assertThat(reis.stappen()).extracting(Reisstap::sleutel)
                        .containsExactly(stap(belt.id()), stap(vervolg.id()), stap(zaak.zaak()));
                assertThat(reis.kanaalwissels()).extracting(Kanaalwissel::van, Kanaalwissel::naar, Kanaalwissel::warm)
                        .containsExactly(tuple("telefoon", "balie", false), tuple("balie", "webformulier", false));
            });
        }

        @Test
        void orientatie_veertienDagenOverDeZomertijdwissel_telInKalenderdagen() {
            // 2026-03-29 has 23 hours: 14 calendar days are 335 hours here
            Contactgegevens voorDeWissel = eenContact().metId(1).op("2026-03-20T10:00:00+01:00")
                    .overOnderwerp("omgevingsvergunning").bouw();
            Zaakgegevens opDeGrens = eenZaak().metId(zaakId(1)).geregistreerdOp("2026-04-03T10:00:00+02:00").bouw();
            Zaakgegevens netErna = eenZaak().metId(zaakId(2)).geregistreerdOp("2026-04-03T10:00:01+02:00").bouw();

            assertThat(reisMet(deelIn(List.of(voorDeWissel), List.of(opDeGrens)), voorDeWissel.id()).soort())
                    .isEqualTo(Klantreissoort.ZAAK);
            assertThat(reisMet(deelIn(List.of(voorDeWissel), List.of(netErna)), voorDeWissel.id()).soort())
                    .as("14 x 24 uur zou hier nog binnen het venster vallen, 14 kalenderdagen niet")
                    .isEqualTo(Klantreissoort.ONDERWERP);
        }

        @Test
        void orientatie_veertienDagenOverDeWintertijdwissel_telInKalenderdagen() {
            // 2026-10-25 has 25 hours: 14 calendar days are 337 hours here
            Contactgegevens voorDeWissel = eenContact().metId(1).op("2026-10-20T10:00:00+02:00")
                    .overOnderwerp("omgevingsvergunning").bouw();
            Zaakgegevens na336Uur30 = eenZaak().geregistreerdOp("2026-11-03T09:30:00+01:00").bouw();

            assertThat(Duration.between(voorDeWissel.op(), na336Uur30.geregistreerdOp())).isGreaterThan(Duration.ofDays(14));
            assertThat(reisMet(deelIn(List.of(voorDeWissel), List.of(na336Uur30)), voorDeWissel.id()).soort())
                    .isEqualTo(Klantreissoort.ZAAK);
        }
    }

    @Nested
    class KlantreizenOpOnderwerp {

        @Test
        void meerDanVeertienDagenStilte_splitstKlantreisOpOnderwerp() {
            Contactgegevens eerste = eenContact().metId(1).op("2026-02-01T10:00:00+01:00").bouw();
            Contactgegevens tweede = eenContact().metId(2).op("2026-02-15T10:00:00+01:00").bouw();
            Contactgegevens derde = eenContact().metId(3).op("2026-03-01T10:00:01+01:00").bouw();

            List<Klantreisindeling> reizen = deelIn(List.of(derde, eerste, tweede), List.of());

            assertThat(reizen).extracting(reis -> reis.stappen().stream().map(Reisstap::klantcontactId).toList())
                    .containsExactly(List.of(eerste.id(), tweede.id()), List.of(derde.id()));
            assertThat(reizen).extracting(Klantreisindeling::soort, Klantreisindeling::thema).containsOnly(
                    tuple(Klantreissoort.ONDERWERP, Thema.onderwerp("algemene-vraag")));
            assertThat(reizen.get(0).id()).isNotEqualTo(reizen.get(1).id());
        }

        @Test
        void laatContactDatHetGatVult_voegtKlantreizenSamen_enIdVolgtHetEersteContact() {
            Contactgegevens eerste = eenContact().metId(1).op("2026-02-01T10:00:00+01:00").bouw();
            Contactgegevens derde = eenContact().metId(3).op("2026-02-20T10:00:00+01:00").bouw();
            Contactgegevens laatInHetGat = eenContact().metId(2).op("2026-02-10T10:00:00+01:00").viaKanaal("email").bouw();

            List<Klantreisindeling> gesplitst = deelIn(List.of(eerste, derde), List.of());
            List<Klantreisindeling> samen = deelIn(List.of(eerste, derde, laatInHetGat), List.of());

            assertThat(gesplitst).hasSize(2);
            assertThat(samen).singleElement().satisfies(reis -> {
                assertThat(reis.id()).isEqualTo(gesplitst.get(0).id());
                assertThat(reis.stappen()).extracting(Reisstap::klantcontactId)
                        .containsExactly(eerste.id(), laatInHetGat.id(), derde.id());
                assertThat(reis.kanaalwissels()).extracting(Kanaalwissel::van, Kanaalwissel::naar)
                        .containsExactly(tuple("telefoon", "email"), tuple("email", "telefoon"));
            });
        }

        @Test
        void laatContactVoorHetEerste_geeftDeKlantreisHetIdVanHetNieuweEersteContact() {
            Contactgegevens eerste = eenContact().metId(1).op("2026-02-10T10:00:00+01:00").bouw();
            Contactgegevens nogEerder = eenContact().metId(2).op("2026-02-05T10:00:00+01:00").bouw();

            KlantreisId voorheen = deelIn(List.of(eerste), List.of()).get(0).id();
            KlantreisId nu = deelIn(List.of(eerste, nogEerder), List.of()).get(0).id();
            KlantreisId alsHetMeteenBekendWas = deelIn(List.of(nogEerder), List.of()).get(0).id();

            assertThat(nu).isNotEqualTo(voorheen).isEqualTo(alsHetMeteenBekendWas);
        }

        @Test
        void anderOnderwerp_isEenAndereKlantreis() {
            Contactgegevens vraag = eenContact().metId(1).op("2026-02-01T10:00:00+01:00").bouw();
            Contactgegevens paspoort = eenContact().metId(2).op("2026-02-01T11:00:00+01:00")
                    .overOnderwerp("paspoort-aanvragen").bouw();

            List<Klantreisindeling> reizen = deelIn(List.of(vraag, paspoort), List.of());

            assertThat(reizen).extracting(Klantreisindeling::thema).containsExactly(
                    Thema.onderwerp("algemene-vraag"), Thema.onderwerp("paspoort-aanvragen"));
        }

        @Test
        void veertienDagenStilteOverDeZomertijdwissel_splitstNiet() {
            Contactgegevens eerste = eenContact().metId(1).op("2026-03-20T10:00:00+01:00").bouw();
            Contactgegevens opDeGrens = eenContact().metId(2).op("2026-04-03T10:00:00+02:00").bouw();
            Contactgegevens netErna = eenContact().metId(3).op("2026-04-03T10:00:01+02:00").bouw();

            assertThat(deelIn(List.of(eerste, opDeGrens), List.of())).hasSize(1);
            assertThat(deelIn(List.of(eerste, netErna), List.of())).hasSize(2);
        }
    }

    @Nested
    class Nazorg {
        private final Zaakgegevens zaak = eenZaak().geregistreerdOp("2026-02-01T10:00:00+01:00")
                .afgeslotenOp("2026-02-10T12:00:00+01:00").bouw();

        @Test
        void contactOverZaak_totVeertienDagenNaAfsluiten_hoortBijDeKlantreisVanDeZaak() {
            Contactgegevens nazorg = eenContact().metId(1).op("2026-02-24T12:00:00+01:00").overZaak(zaak.zaak()).bouw();

            Klantreisindeling reis = reisMet(deelIn(List.of(nazorg), List.of(zaak)), nazorg.id());

            assertThat(reis.id()).isEqualTo(zaakreis(zaak.zaak()));
            assertThat(reis.beeindigdOp()).isEqualTo(zaak.afgeslotenOp());
        }

        @Test
        void contactOverZaak_langerDanVeertienDagenNaAfsluiten_opentVervolgklantreisMetThemaZaak() {
            Contactgegevens laat = eenContact().metId(1).op("2026-02-24T12:00:01+01:00").overZaak(zaak.zaak()).bouw();

            List<Klantreisindeling> reizen = deelIn(List.of(laat), List.of(zaak));

            assertThat(reizen).hasSize(2);
            Klantreisindeling vervolg = reisMet(reizen, laat.id());
            assertThat(vervolg.soort()).isEqualTo(Klantreissoort.VERVOLG);
            assertThat(vervolg.thema()).isEqualTo(Thema.zaak(zaak.zaak()));
            assertThat(vervolg.beeindigdOp()).as("eindigt als een klantreis zonder zaak").isNull();
            assertThat(vervolg.id()).isNotEqualTo(zaakreis(zaak.zaak()));
            assertThat(reisMet(reizen, laat.id()).stappen()).hasSize(1);
        }

        @Test
        void vervolgcontacten_voegenSamenBinnenVeertienDagen_enSplitsenDaarna() {
            Contactgegevens eerste = eenContact().metId(1).op("2026-03-01T10:00:00+01:00").overZaak(zaak.zaak()).bouw();
            Contactgegevens tweede = eenContact().metId(2).op("2026-03-10T10:00:00+01:00").overZaak(zaak.zaak()).bouw();
            Contactgegevens veelLater = eenContact().metId(3).op("2026-04-10T10:00:00+02:00").overZaak(zaak.zaak()).bouw();

            List<Klantreisindeling> reizen = deelIn(List.of(veelLater, tweede, eerste), List.of(zaak));

            assertThat(reizen).extracting(Klantreisindeling::soort)
                    .containsExactly(Klantreissoort.ZAAK, Klantreissoort.VERVOLG, Klantreissoort.VERVOLG);
            assertThat(reisMet(reizen, eerste.id())).isSameAs(reisMet(reizen, tweede.id()));
            assertThat(reisMet(reizen, veelLater.id())).isNotEqualTo(reisMet(reizen, eerste.id()));
        }

        @Test
        void zaakNooitGeregistreerd_zijnContactenVormenEenOpenKlantreisVanDeZaak() {
            ZaakId onbekend = zaakId(9);
            Contactgegevens eerste = eenContact().metId(1).op("2026-01-01T10:00:00+01:00").overZaak(onbekend).bouw();
            Contactgegevens maandenLater = eenContact().metId(2).op("2026-05-01T10:00:00+02:00").overZaak(onbekend)
                    .viaKanaal("email").bouw();

            assertThat(deelIn(List.of(maandenLater, eerste), List.of())).singleElement().satisfies(reis -> {
                assertThat(reis.id()).isEqualTo(zaakreis(onbekend));
                assertThat(reis.soort()).isEqualTo(Klantreissoort.ZAAK);
                assertThat(reis.thema()).isEqualTo(Thema.zaak(onbekend));
                assertThat(reis.beeindigdOp()).isNull();
                assertThat(reis.stappen()).extracting(Reisstap::klantcontactId).containsExactly(eerste.id(), maandenLater.id());
            });
        }

        @Test
        void contactOverZaakVoorRegistratie_hoortBijDeZaak_enDeKlantreisBegintBijHetContact() {
            Zaakgegevens open = eenZaak().geregistreerdOp("2026-02-01T10:00:00+01:00").bouw();
            Contactgegevens vooraf = eenContact().metId(1).op("2026-01-01T10:00:00+01:00").overZaak(open.zaak()).bouw();

            Klantreisindeling reis = reisMet(deelIn(List.of(vooraf), List.of(open)), vooraf.id());

            assertThat(reis.gestartOp()).isEqualTo(vooraf.op());
            assertThat(reis.beeindigdOp()).isNull();
        }
    }

    @Nested
    class Anoniem {

        @Test
        void anoniemeContacten_vormenElkEenEigenKlantreis() {
            KlantId anoniem = new KlantId("anoniem-0000feed");
            Contactgegevens eerste = eenContact().metId(1).op("2026-02-01T10:00:00+01:00").viaKanaal("chat").bouw();
            Contactgegevens tweede = eenContact().metId(2).op("2026-02-01T10:05:00+01:00").viaKanaal("telefoon").bouw();

            List<Klantreisindeling> reizen = KlantreisRegels.deelIn(anoniem, List.of(tweede, eerste), List.of(), true);

            assertThat(reizen).hasSize(2).allSatisfy(reis -> {
                assertThat(reis.soort()).isEqualTo(Klantreissoort.ANONIEM);
                assertThat(reis.stappen()).hasSize(1);
                assertThat(reis.kanaalwissels()).isEmpty();
            });
            assertThat(reizen).extracting(reis -> reis.stappen().get(0).klantcontactId())
                    .containsExactly(eerste.id(), tweede.id());
        }
    }

    @Nested
    class GelijkeMomenten {

        @Test
        void opHetzelfdeMoment_komtDeRegistratieVoorHetKlantcontact() {
            Zaakgegevens zaak = eenZaak().geregistreerdOp("2026-02-01T10:00:00+01:00").viaKanaal("webformulier").bouw();
            Contactgegevens tegelijk = eenContact().metId(1).op(zaak.geregistreerdOp()).viaKanaal("telefoon")
                    .overZaak(zaak.zaak()).bouw();

            Klantreisindeling reis = deelIn(List.of(tegelijk), List.of(zaak)).get(0);

            assertThat(reis.stappen()).extracting(Reisstap::sleutel).containsExactly(stap(zaak.zaak()), stap(tegelijk.id()));
            assertThat(reis.kanaalwissels()).extracting(Kanaalwissel::van, Kanaalwissel::naar)
                    .containsExactly(tuple("webformulier", "telefoon"));
        }

        @Test
        void contactenOpHetzelfdeMoment_staanOpKlantcontactIdAlsTekst() {
            // As text "10..." < "80..."; as java.util.UUID (signed) the 8... id would come first.
            KlantcontactId eenAlsTekst = KlantcontactId.van("10000000-0000-4000-8000-000000000000");
            KlantcontactId achtAlsTekst = KlantcontactId.van("80000000-0000-4000-8000-000000000000");
            assertThat(achtAlsTekst.waarde()).isLessThan(eenAlsTekst.waarde());
            ZaakId zaak = zaakId(5);
            Contactgegevens een = eenContact().metId(eenAlsTekst).op("2026-02-01T10:00:00+01:00").overZaak(zaak)
                    .viaKanaal("telefoon").bouw();
            Contactgegevens acht = eenContact().metId(achtAlsTekst).op("2026-02-01T10:00:00+01:00").overZaak(zaak)
                    .viaKanaal("email").bouw();

            for (List<Contactgegevens> volgorde : List.of(List.of(een, acht), List.of(acht, een))) {
                Klantreisindeling reis = deelIn(volgorde, List.of()).get(0);
                assertThat(reis.stappen()).extracting(Reisstap::klantcontactId).containsExactly(eenAlsTekst, achtAlsTekst);
                assertThat(reis.kanaalwissels()).extracting(Kanaalwissel::van, Kanaalwissel::naar)
                        .containsExactly(tuple("telefoon", "email"));
            }
        }

        @Test
        void klantreisOpOnderwerp_heetNaarHaarEersteStap_ookAlsContactenTegelijkBeginnen() {
            KlantcontactId eenAlsTekst = KlantcontactId.van("10000000-0000-4000-8000-000000000000");
            KlantcontactId achtAlsTekst = KlantcontactId.van("80000000-0000-4000-8000-000000000000");
            Contactgegevens een = eenContact().metId(eenAlsTekst).op("2026-02-01T10:00:00+01:00").bouw();
            Contactgegevens acht = eenContact().metId(achtAlsTekst).op("2026-02-01T10:00:00+01:00").bouw();

            for (List<Contactgegevens> volgorde : List.of(List.of(een, acht), List.of(acht, een))) {
                Klantreisindeling reis = deelIn(volgorde, List.of()).get(0);
                assertThat(reis.stappen().get(0).klantcontactId()).isEqualTo(eenAlsTekst);
                assertThat(reis.id()).isEqualTo(deelIn(List.of(een), List.of()).get(0).id());
            }
        }

        @Test
        void wissel_isWarmAlleenAlsHetLatereContactNaarHetVorigeVerwijst() {
            ZaakId zaak = zaakId(5);
            Contactgegevens eerste = eenContact().metId(1).op("2026-02-01T10:00:00+01:00").overZaak(zaak).bouw();
            Contactgegevens tweede = eenContact().metId(2).op("2026-02-01T11:00:00+01:00").overZaak(zaak)
                    .viaKanaal("balie").bouw();
            // the third continues the first, but the step before it is the second: cold
            Contactgegevens derde = eenContact().metId(3).op("2026-02-01T12:00:00+01:00").overZaak(zaak)
                    .viaKanaal("email").vervolgOp(eerste.id()).bouw();

            Klantreisindeling reis = deelIn(List.of(eerste, tweede, derde), List.of()).get(0);

            assertThat(reis.kanaalwissels()).extracting(Kanaalwissel::van, Kanaalwissel::naar, Kanaalwissel::warm)
                    .containsExactly(tuple("telefoon", "balie", false), tuple("balie", "email", false));
        }
    }

    @Nested
    class Volgordeonafhankelijkheid {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1L, 42L, 20260304L, 8675309L})
        void deelIn_geeftInElkeGeschuddeVolgordeHetzelfdeAntwoord(long seed) {
            Random random = new Random(seed);
            Dekking dekking = new Dekking();
            for (int i = 0; i < 200; i++) {
                Feitengenerator.Gegenereerd feiten = Feitengenerator.genereer(random);
                List<Klantreisindeling> origineel = deelIn(feiten.contacten(), feiten.zaken());
                voldoetAanDeRegels(origineel, feiten);
                dekking.tel(origineel, feiten);

                for (int schudden = 0; schudden < 3; schudden++) {
                    List<Contactgegevens> contacten = new ArrayList<>(feiten.contacten());
                    List<Zaakgegevens> zaken = new ArrayList<>(feiten.zaken());
                    Collections.shuffle(contacten, random);
                    Collections.shuffle(zaken, random);
                    assertThat(deelIn(contacten, new HashSet<>(zaken)))
                            .as("seed %d, geval %d, schudbeurt %d", seed, i, schudden).isEqualTo(origineel);
                }
            }
            dekking.bevestig();
        }

        /** The generator must actually reach the rules, or the property proves little. */
        private static final class Dekking {
            private final Set<Klantreissoort> soorten = EnumSet.noneOf(Klantreissoort.class);
            private int orientaties;
            private int warm;
            private int koud;
            private int gelijkeMomenten;
            private int gesplitsteOnderwerpen;

            void tel(List<Klantreisindeling> reizen, Feitengenerator.Gegenereerd feiten) {
                for (Klantreisindeling reis : reizen) {
                    soorten.add(reis.soort());
                    if (reis.soort() == Klantreissoort.ZAAK) {
                        orientaties += (int) reis.stappen().stream()
                                .filter(s -> s.soort() == Reisstap.Soort.KLANTCONTACT && s.zaakId() == null).count();
                    }
                    reis.kanaalwissels().forEach(w -> {
                        if (w.warm()) {
                            warm++;
                        } else {
                            koud++;
                        }
                    });
                    for (int i = 1; i < reis.stappen().size(); i++) {
                        if (reis.stappen().get(i).op().equals(reis.stappen().get(i - 1).op())) {
                            gelijkeMomenten++;
                        }
                    }
                }
                Set<Thema> onderwerpthemas = new HashSet<>();
                reizen.stream().filter(r -> r.soort() == Klantreissoort.ONDERWERP)
                        .filter(r -> !onderwerpthemas.add(r.thema())).forEach(r -> gesplitsteOnderwerpen++);
            }

            void bevestig() {
                assertThat(soorten).contains(Klantreissoort.ZAAK, Klantreissoort.VERVOLG, Klantreissoort.ONDERWERP);
                assertThat(orientaties).isPositive();
                assertThat(warm).isPositive();
                assertThat(koud).isPositive();
                assertThat(gelijkeMomenten).isPositive();
                assertThat(gesplitsteOnderwerpen).isPositive();
            }
        }
    }

    /**
     * Checks the outcome against the contract's rules directly (not against the code's own
     * comparators), so the property test also catches an answer that is stable but wrong.
     */
    static void voldoetAanDeRegels(List<Klantreisindeling> reizen, Feitengenerator.Gegenereerd feiten) {
        Set<KlantcontactId> gezien = new HashSet<>();
        Set<ZaakId> registraties = new HashSet<>();
        Set<KlantreisId> ids = new LinkedHashSet<>();
        for (Klantreisindeling reis : reizen) {
            assertThat(ids.add(reis.id())).as("klantreis-id %s komt eenmaal voor", reis.id()).isTrue();
            assertThat(reis.stappen()).isNotEmpty();
            for (int i = 0; i < reis.stappen().size(); i++) {
                Reisstap stap = reis.stappen().get(i);
                if (stap.soort() == Reisstap.Soort.KLANTCONTACT) {
                    assertThat(gezien.add(stap.klantcontactId())).as("contact in precies een klantreis").isTrue();
                    if (stap.zaakId() != null) {
                        assertThat(reis.thema()).isEqualTo(Thema.zaak(stap.zaakId()));
                    }
                } else {
                    assertThat(registraties.add(stap.zaakId())).isTrue();
                    assertThat(reis.soort()).isEqualTo(Klantreissoort.ZAAK);
                    assertThat(reis.thema()).isEqualTo(Thema.zaak(stap.zaakId()));
                }
                if (i > 0) {
                    Reisstap vorige = reis.stappen().get(i - 1);
                    assertThat(vorige.op()).isBeforeOrEqualTo(stap.op());
                    if (vorige.op().equals(stap.op())) {
                        assertThat(stap.soort()).as("registratie gaat voor").isEqualTo(Reisstap.Soort.KLANTCONTACT);
                        if (vorige.soort() == Reisstap.Soort.KLANTCONTACT) {
                            assertThat(vorige.klantcontactId().toString())
                                    .isLessThan(stap.klantcontactId().toString());
                        }
                    }
                }
            }
            if (reis.soort() == Klantreissoort.ONDERWERP || reis.soort() == Klantreissoort.VERVOLG) {
                // "ids follow the earliest contact": the same id as if the first step had been alone
                Contactgegevens eerste = feiten.contacten().stream()
                        .filter(c -> c.id().equals(reis.stappen().get(0).klantcontactId())).findFirst().orElseThrow();
                List<Zaakgegevens> zaken = reis.soort() == Klantreissoort.VERVOLG ? feiten.zaken() : List.of();
                assertThat(KlantreisRegels.deelIn(KLANT, List.of(eerste), zaken, false))
                        .filteredOn(r -> r.soort() == reis.soort()).extracting(Klantreisindeling::id)
                        .containsExactly(reis.id());
            }
            List<Kanaalwissel> verwacht = new ArrayList<>();
            for (int i = 1; i < reis.stappen().size(); i++) {
                Reisstap van = reis.stappen().get(i - 1);
                Reisstap naar = reis.stappen().get(i);
                if (!van.kanaal().equals(naar.kanaal())) {
                    boolean warm = naar.soort() == Reisstap.Soort.KLANTCONTACT && naar.wasKlantcontact() != null
                            && naar.wasKlantcontact().equals(van.klantcontactId());
                    verwacht.add(new Kanaalwissel(reis.id(), van.sleutel(), naar.sleutel(), van.kanaal(), naar.kanaal(),
                            naar.op(), warm));
                }
            }
            assertThat(reis.kanaalwissels()).isEqualTo(verwacht);
            if (reis.soort() == Klantreissoort.ZAAK) {
                Zaakgegevens zaak = feiten.zaken().stream().filter(z -> z.zaak().equals(reis.thema().zaakId()))
                        .findFirst().orElse(null);
                assertThat(reis.beeindigdOp()).isEqualTo(zaak == null ? null : zaak.afgeslotenOp());
                for (Reisstap stap : reis.stappen()) {
                    if (stap.soort() == Reisstap.Soort.KLANTCONTACT && stap.zaakId() == null) {
                        assertThat(zaak).as("orientatie alleen op een bekende zaak").isNotNull();
                        assertThat(stap.op()).isBefore(zaak.geregistreerdOp());
                        assertThat(Tijd.plusDagen(stap.op(), KlantreisRegels.TERMIJN_DAGEN))
                                .isAfterOrEqualTo(zaak.geregistreerdOp());
                    }
                    if (stap.zaakId() != null && zaak != null && zaak.afgeslotenOp() != null) {
                        assertThat(stap.op()).as("nazorg binnen 14 dagen")
                                .isBeforeOrEqualTo(Tijd.plusDagen(zaak.afgeslotenOp(), KlantreisRegels.TERMIJN_DAGEN));
                    }
                }
            }
        }
        assertThat(gezien).containsExactlyInAnyOrderElementsOf(
                feiten.contacten().stream().map(Contactgegevens::id).toList());
        assertThat(registraties).containsExactlyInAnyOrderElementsOf(
                feiten.zaken().stream().map(Zaakgegevens::zaak).toList());
        assertThat(reizen).extracting(Klantreisindeling::gestartOp).isSorted();
        assertThat(reizen).allMatch(r -> Objects.equals(r.gestartOp(), r.stappen().get(0).op()));
    }
}
