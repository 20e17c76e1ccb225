package nl.klantreis.simulatie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Statustype;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

class SimulatieTest {
    private static final Referentiegegevens REFERENTIE = Referentiegegevens.laadStandaard();
    private static final Set<String> DIGITAAL_VOLGENS_BRIEF = Set.of("webformulier", "email", "chat",
            "mijn-omgeving", "app", "chatbot", "social-media", "sms", "mijnoverheid");

    @Test
    void zelfdeSeed_geeftByteVoorByteDezelfdeBerichten() throws IOException {
        Simulatie simulatie = Simulatie.metSeed(7).klanten(400).metFouten(true);
        assertThat(ndjson(simulatie)).isEqualTo(ndjson(Simulatie.metSeed(7).klanten(400).metFouten(true)));
        assertThat(ndjson(simulatie.metFouten(false))).isEqualTo(ndjson(Simulatie.metSeed(7).klanten(400)));
    }

    @Test
    void andereSeed_geeftAndereBerichten_metAndereNummersEnIds() {
        List<ObjectNode> een = Simulatie.metSeed(1).klanten(200).berichten().toList();
        List<ObjectNode> ander = Simulatie.metSeed(2).klanten(200).berichten().toList();
        assertThat(een).isNotEqualTo(ander);
        Set<String> sleutels = een.stream().map(SimulatieTest::sleutel).collect(Collectors.toSet());
        assertThat(ander).noneMatch(b -> sleutels.contains(sleutel(b)));
        Set<String> klanten = een.stream().map(SimulatieTest::klantnummer).collect(Collectors.toSet());
        klanten.remove(null);
        long gedeeld = ander.stream().map(SimulatieTest::klantnummer).filter(klanten::contains).distinct().count();
        assertThat(gedeeld).isLessThanOrEqualTo(1);
    }

    @Test
    void eenKlant_hangtNietAfVanHoeveelKlantenErNaHemKomen() {
        List<ObjectNode> kort = Simulatie.metSeed(3).klanten(50).berichten().toList();
        List<ObjectNode> lang = Simulatie.metSeed(3).klanten(120).berichten().toList();
        assertThat(lang.subList(0, kort.size())).isEqualTo(kort);
    }

    @Test
    void berichten_wordenLuiGemaakt_klantNaKlant() {
        long start = System.nanoTime();
        List<ObjectNode> eerste = Simulatie.metSeed(4).klanten(Simulatie.MEESTE_KLANTEN).berichten().limit(2_000)
                .toList();
        assertThat(eerste).hasSize(2_000);
        // 9 million klanten made eagerly would take minutes and gigabytes; lazily it is a blink.
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(20.0);
    }

    @Test
    void elkBericht_isEenVolledigCloudEvent_nietInDeToekomst_metNederlandseTijdzone() {
        Map<String, JsonNode> perSleutel = new HashMap<>();
        Simulatie simulatie = Simulatie.metSeed(11).klanten(1_500).metFouten(true);
        assertThat(simulatie.nu()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        for (ObjectNode bericht : simulatie.berichten().toList()) {
            assertThat(bericht.get("specversion").asText()).isEqualTo("1.0");
            assertThat(bericht.get("source").asText()).startsWith("urn:nld:oin:00000001234567890000:systeem:");
            assertThat(bericht.get("type").asText()).startsWith("nl.overheid.");
            assertThat(bericht.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(bericht.get("data").isObject()).isTrue();
            assertThat(tijdstippen(bericht)).allSatisfy(tijd -> {
                assertThat(tijd).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");
                assertThat(OffsetDateTime.parse(tijd).toInstant()).isBeforeOrEqualTo(simulatie.nu());
            });
            // (source, id) names one message: a second one with that key is a resend of the same.
            JsonNode eerder = perSleutel.putIfAbsent(sleutel(bericht), bericht);
            if (eerder != null) {
                assertThat(bericht).isEqualTo(eerder);
            }
            JsonNode klant = bericht.get("data").has("klant") ? bericht.get("data").get("klant")
                    : bericht.get("data").get("initiator");
            if (klant != null && klant.has("bsn")) {
                assertThat(Bsn.isGeldig(klant.get("bsn").asText())).isTrue();
                assertThat(klant.get("bsn").asText()).doesNotStartWith("0");
            }
            if (klant != null && klant.has("kvk")) {
                assertThat(klant.get("kvk").asText()).matches("\\d{8}");
            }
        }
    }

    @Test
    void zaken_volgenHunZaaktype() {
        Map<String, Zaak> zaken = new HashMap<>();
        List<ObjectNode> berichten = Simulatie.metSeed(12).klanten(3_000).berichten().toList();
        for (ObjectNode bericht : berichten) {
            JsonNode data = bericht.get("data");
            if (data.has("zaakId") && !bericht.get("type").asText().endsWith("klantcontact-geregistreerd")) {
                zaken.computeIfAbsent(data.get("zaakId").asText(), id -> new Zaak()).feiten.add(bericht);
            }
        }
        int opgeschort = 0;
        int verlengd = 0;
        int open = 0;
        for (Zaak zaak : zaken.values()) {
            ObjectNode registratie = zaak.van("zaak-geregistreerd").get(0);
            Zaaktype zaaktype = REFERENTIE.catalogus().zaaktype(registratie.get("data").get("zaaktype").asText())
                    .orElseThrow();
            Instant geregistreerd = tijd(registratie.get("data").get("geregistreerdOp"));

            List<Integer> volgnummers = new ArrayList<>();
            Instant vorige = geregistreerd;
            for (ObjectNode status : zaak.van("status-gezet")) {
                Statustype statustype = zaaktype.statustype(status.get("data").get("statustype").asText())
                        .orElseThrow(() -> new AssertionError("statustype van een ander zaaktype: " + status));
                volgnummers.add(statustype.volgnummer());
                Instant gezet = tijd(status.get("data").get("datumStatusGezet"));
                assertThat(gezet).isAfter(vorige);
                vorige = gezet;
            }
            assertThat(volgnummers).isSorted().doesNotHaveDuplicates().startsWith(1);

            if (!zaak.van("zaak-opgeschort").isEmpty()) {
                assertThat(zaaktype.opschortingMogelijk()).isTrue();
                opgeschort++;
            }
            if (!zaak.van("zaak-hervat").isEmpty()) {
                assertThat(zaaktype.opschortingMogelijk()).isTrue();
                assertThat(zaak.van("zaak-opgeschort")).isNotEmpty();
            }
            for (ObjectNode verlenging : zaak.van("zaak-verlengd")) {
                assertThat(zaaktype.verlengingMogelijk()).isTrue();
                assertThat(verlenging.get("data").get("duurDagen").asInt()).isBetween(1, zaaktype.verlengingDagen());
                verlengd++;
            }
            List<ObjectNode> afsluiting = zaak.van("zaak-afgesloten");
            assertThat(afsluiting).hasSizeLessThanOrEqualTo(1);
            if (afsluiting.isEmpty()) {
                open++;
                assertThat(volgnummers).doesNotContain(zaaktype.statustypen().size());
            } else {
                assertThat(zaaktype.resultaten()).contains(afsluiting.get(0).get("data").get("resultaat").asText());
                assertThat(volgnummers).endsWith(zaaktype.statustypen().size());
                assertThat(tijd(afsluiting.get(0).get("data").get("afgeslotenOp"))).isAfterOrEqualTo(vorige);
            }
        }
        assertThat(opgeschort).isPositive();
        assertThat(verlengd).isPositive();
        // Most zaken are closed, some are still open.
        assertThat((double) open / zaken.size()).isBetween(0.03, 0.30);
    }

    @Test
    void deMix_lijktOpEenGemeente() {
        Kanalen kanalen = REFERENTIE.kanalen();
        List<ObjectNode> berichten = Simulatie.metSeed(13).klanten(5_000).berichten().toList();
        Map<String, Long> perType = berichten.stream()
                .collect(Collectors.groupingBy(b -> b.get("type").asText(), Collectors.counting()));
        assertThat(perType).hasSize(8);

        List<JsonNode> contacten = berichten.stream().filter(b -> b.get("type").asText().endsWith("klantcontact-geregistreerd"))
                .map(b -> b.get("data")).toList();
        Map<String, Long> perKanaal = contacten.stream().collect(Collectors.groupingBy(
                c -> kanalen.herken(c.get("kanaal").asText()).map(Kanaal::code).orElseThrow(), Collectors.counting()));
        double digitaal = aandeel(contacten, c -> DIGITAAL_VOLGENS_BRIEF.contains(
                kanalen.herken(c.get("kanaal").asText()).orElseThrow().code()));
        assertThat(digitaal).isBetween(0.40, 0.60);
        assertThat(perKanaal.keySet()).contains("telefoon", "balie", "brief", "huisbezoek", "video", "webformulier",
                "email", "chat", "mijn-omgeving", "app", "chatbot", "social-media");
        assertThat(contacten).anyMatch(c -> kanalen.metCode(c.get("kanaal").asText()).isEmpty());

        assertThat(aandeel(contacten, c -> c.get("klant").has("anoniem"))).isBetween(0.02, 0.045);
        assertThat(aandeel(contacten, c -> c.has("inhoud"))).isBetween(0.4, 0.6);
        Set<String> bsn = new HashSet<>();
        Set<String> kvk = new HashSet<>();
        contacten.forEach(c -> {
            if (c.get("klant").has("bsn")) {
                bsn.add(c.get("klant").get("bsn").asText());
            } else if (c.get("klant").has("kvk")) {
                kvk.add(c.get("klant").get("kvk").asText());
            }
        });
        assertThat((double) kvk.size() / (bsn.size() + kvk.size())).isBetween(0.07, 0.13);

        // Orientation: a question on the zaaktype without zaak, then the application continuing it (warm) or not.
        assertThat(contacten).anyMatch(c -> REFERENTIE.catalogus().zaaktype(c.get("onderwerp").asText()).isPresent()
                && !c.has("zaakId") && "doorverwezen".equals(c.get("resultaat").asText())
                && "webformulier".equals(c.get("doorverwezenNaar").asText()));
        assertThat(contacten).anyMatch(c -> "zaak-gestart".equals(c.get("resultaat").asText()) && c.has("wasKlantcontact"));
        assertThat(contacten).anyMatch(c -> "zaak-gestart".equals(c.get("resultaat").asText()) && !c.has("wasKlantcontact"));
        assertThat(contacten).anyMatch(c -> "status-navraag".equals(c.get("onderwerp").asText()) && c.has("zaakId"));
        assertThat(contacten).anyMatch(c -> "algemene-vraag".equals(c.get("onderwerp").asText()));
        assertThat(berichten).anyMatch(b -> b.get("data").has("statustoelichting"));

        Map<String, Long> zaaktypen = berichten.stream().filter(b -> b.get("type").asText().endsWith("zaak-geregistreerd"))
                .collect(Collectors.groupingBy(b -> b.get("data").get("zaaktype").asText(), Collectors.counting()));
        assertThat(zaaktypen.get("melding-openbare-ruimte")).isGreaterThan(zaaktypen.get("omgevingsvergunning"));
        assertThat(zaaktypen.get("paspoort-aanvragen")).isGreaterThan(zaaktypen.get("bijstandsaanvraag"));
        assertThat(zaaktypen.get("avg-inzageverzoek")).isPositive();
    }

    @Test
    void metFouten_zendtOpnieuw_statussenVoorZaak_enLateContacten() {
        List<ObjectNode> zonder = Simulatie.metSeed(14).klanten(3_000).berichten().toList();
        List<ObjectNode> met = Simulatie.metSeed(14).klanten(3_000).metFouten(true).berichten().toList();

        Set<String> gezien = new HashSet<>();
        long dubbel = met.stream().filter(b -> !gezien.add(sleutel(b))).count();
        assertThat((double) dubbel / met.size()).isBetween(0.015, 0.025);
        // Without faults, nothing is sent twice and nothing is lost with faults.
        assertThat(zonder.stream().map(SimulatieTest::sleutel).distinct().count()).isEqualTo(zonder.size());
        assertThat(gezien).isEqualTo(zonder.stream().map(SimulatieTest::sleutel).collect(Collectors.toSet()));

        assertThat(statussenVoorHunZaak(zonder)).isZero();
        assertThat(statussenVoorHunZaak(met)).isPositive();

        // A late contact: logged long after it happened, and sent after messages logged later.
        long laat = 0;
        Instant laatstGelogd = Instant.MIN;
        for (ObjectNode b : met) {
            Instant gelogd = tijd(b.get("time"));
            if (b.get("type").asText().endsWith("klantcontact-geregistreerd")
                    && gelogd.isAfter(tijd(b.get("data").get("plaatsgevondenOp")).plusSeconds(3 * 86_400 - 1))
                    && gelogd.isBefore(laatstGelogd)) {
                laat++;
            }
            laatstGelogd = gelogd.isAfter(laatstGelogd) ? gelogd : laatstGelogd;
        }
        assertThat(laat).isPositive();
    }

    @Test
    void geschud_isEenVasteVolgorde_vanDezelfdeBerichten() {
        List<ObjectNode> berichten = Simulatie.metSeed(15).klanten(100).berichten().toList();
        List<ObjectNode> een = Simulatie.geschud(berichten, 99).toList();
        assertThat(Simulatie.geschud(berichten, 99).toList()).isEqualTo(een);
        assertThat(een).isNotEqualTo(berichten).containsExactlyInAnyOrderElementsOf(berichten);
        assertThat(Simulatie.geschud(berichten, 100).toList()).isNotEqualTo(een);
    }

    @Test
    void main_schrijftNdjson(@TempDir Path map) throws IOException {
        Path uit = map.resolve("sub/sim.ndjson");
        Simulatie.main(new String[] {"--klanten", "30", "--seed", "5", "--van", "2025-01-01", "--tot", "2026-10-01",
                "--uit", uit.toString()});
        List<String> regels = Files.readAllLines(uit);
        assertThat(regels).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(regels.get(0)).get("specversion").asText()).isEqualTo("1.0");
        assertThat(String.join("\n", regels) + "\n").isEqualTo(new String(ndjson(Simulatie.metSeed(5).klanten(30)),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void legePeriode_wordtGeweigerd() {
        assertThatThrownBy(() -> Simulatie.metSeed(1).periode(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulatie.metSeed(1).periode(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deStandaardperiode_hangtAfVanVandaag_enLigtMetHaarNuHeelInHetVerleden() {
        assertThat(Simulatie.standaardPeriode(LocalDate.of(2026, 12, 6))).isEqualTo(
                new Simulatie.Periode(LocalDate.of(2025, 2, 1), LocalDate.of(2026, 11, 1)));
        assertThat(Simulatie.standaardPeriode(LocalDate.of(2031, 1, 1))).isEqualTo(
                new Simulatie.Periode(LocalDate.of(2029, 3, 1), LocalDate.of(2030, 12, 1)));
        for (LocalDate vandaag : List.of(LocalDate.of(2026, 12, 6), LocalDate.of(2027, 3, 31), LocalDate.of(2028, 2, 29))) {
            Simulatie.Periode periode = Simulatie.standaardPeriode(vandaag);
            assertThat(Simulatie.voorbijOp(periode.tot(), vandaag)).as(vandaag.toString()).isTrue();
            assertThat(Simulatie.metSeed(1).periode(periode.van(), periode.tot()).nu())
                    .isBeforeOrEqualTo(vandaag.atStartOfDay(Simulatie.AMSTERDAM).toInstant());
        }
        // A period whose month after it has not passed yet is not over.
        assertThat(Simulatie.voorbijOp(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 6))).isFalse();
    }

    @Test
    void eenLatePeriode_looptTotEenMaandErna_enDezelfdePeriodeGeeftDezelfdeBerichten() {
        Simulatie laat = Simulatie.metSeed(21).klanten(40).periode(LocalDate.of(2029, 1, 1), LocalDate.of(2030, 1, 1));
        assertThat(laat.nu()).isEqualTo(Instant.parse("2030-01-31T23:00:00Z"));
        List<ObjectNode> berichten = laat.berichten().toList();
        assertThat(berichten).isNotEmpty().isEqualTo(laat.berichten().toList());
        assertThat(berichten).allSatisfy(bericht -> assertThat(tijdstippen(bericht))
                .allSatisfy(tijd -> assertThat(OffsetDateTime.parse(tijd).toInstant()).isBeforeOrEqualTo(laat.nu())));
    }

    @Test
    void kortePeriode_blijftBinnenDiePeriode() {
        LocalDate van = LocalDate.of(2026, 3, 1);
        LocalDate tot = LocalDate.of(2026, 4, 1);
        List<ObjectNode> berichten = Simulatie.metSeed(16).klanten(300).periode(van, tot).berichten().toList();
        assertThat(berichten).filteredOn(b -> b.get("type").asText().endsWith("zaak-geregistreerd"))
                .isNotEmpty()
                .allSatisfy(b -> assertThat(tijd(b.get("data").get("geregistreerdOp")))
                        .isAfterOrEqualTo(van.atStartOfDay(Simulatie.AMSTERDAM).toInstant())
                        // registration follows the application, by up to a few days for a letter
                        .isBefore(tot.plusDays(7).atStartOfDay(Simulatie.AMSTERDAM).toInstant()));
    }

    // ------------------------------------------------------------------ helpers

    private static final class Zaak {
        final List<ObjectNode> feiten = new ArrayList<>();

        List<ObjectNode> van(String soort) {
            return feiten.stream().filter(f -> f.get("type").asText().endsWith(soort)).toList();
        }
    }

    private static long statussenVoorHunZaak(List<ObjectNode> berichten) {
        Set<String> bekend = new HashSet<>();
        long voor = 0;
        for (ObjectNode b : berichten) {
            String type = b.get("type").asText();
            if (type.endsWith("zaak-geregistreerd")) {
                bekend.add(b.get("data").get("zaakId").asText());
            } else if (type.endsWith("status-gezet") && !bekend.contains(b.get("data").get("zaakId").asText())) {
                voor++;
            }
        }
        return voor;
    }

    private static byte[] ndjson(Simulatie simulatie) throws IOException {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        simulatie.schrijfNdjson(uit);
        return uit.toByteArray();
    }

    private static String sleutel(JsonNode bericht) {
        return bericht.get("source").asText() + " " + bericht.get("id").asText();
    }

    private static String klantnummer(JsonNode bericht) {
        JsonNode data = bericht.get("data");
        JsonNode klant = data.has("klant") ? data.get("klant") : data.get("initiator");
        if (klant == null || klant.has("anoniem")) {
            return null;
        }
        return klant.has("bsn") ? klant.get("bsn").asText() : klant.get("kvk").asText();
    }

    private static List<String> tijdstippen(JsonNode bericht) {
        List<String> tijden = new ArrayList<>();
        tijden.add(bericht.get("time").asText());
        bericht.get("data").fields().forEachRemaining(veld -> {
            if (veld.getKey().endsWith("Op") || veld.getKey().equals("datumStatusGezet")) {
                tijden.add(veld.getValue().asText());
            }
        });
        return tijden;
    }

    private static Instant tijd(JsonNode tekst) {
        return OffsetDateTime.parse(tekst.asText()).toInstant();
    }

    private static double aandeel(List<JsonNode> lijst, java.util.function.Predicate<JsonNode> wel) {
        return (double) lijst.stream().filter(wel).count() / lijst.size();
    }
}
