package nl.klantreis.bronnen.nabootsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.nabootsing.Specificatie.Api;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

class SpecificatieTest {

    private static final Specificatie ZAKEN = Specificatie.van(Api.ZAKEN);
    private static final Specificatie CATALOGI = Specificatie.van(Api.CATALOGI);
    private static final Specificatie KLANT = Specificatie.van(Api.KLANTINTERACTIES);
    private static final Specificatie NOTIFICATIES = Specificatie.van(Api.NOTIFICATIES);

    private static Zgwwereld wereld;
    private static Dakkapelverhaal verhaal;

    @BeforeAll
    static void bouw() {
        wereld = new Zgwwereld("http://127.0.0.1:8999");
        verhaal = Dakkapelverhaal.bouw(wereld);
    }

    @Test
    void elkeBronVanHetDakkapelverhaalPastInZijnSchema() {
        List<String> afwijkingen = new ArrayList<>();
        controleerAlles(wereld, afwijkingen);
        assertThat(afwijkingen).isEmpty();
        assertThat(wereld.aantal("zaken")).isEqualTo(1);
        assertThat(wereld.aantal("klantcontacten")).isEqualTo(4);
    }

    @Test
    void deNotificatiesZijnBerichtenVanDeNotificatiesApiInDeVolgordeVanDeBronnen() {
        List<ObjectNode> n = verhaal.notificaties();
        for (ObjectNode o : n) {
            assertThat(NOTIFICATIES.afwijkingen("Message", o)).as(o.toString()).isEmpty();
        }
        assertThat(n).extracting(o -> o.get("resource").asText() + ":" + o.get("actie").asText()).containsExactly(
                "zaak:create", "rol:create", "status:create", "status:create", "status:create", "status:create",
                "zaak:partial_update", "zaak:partial_update", "resultaat:create", "status:create",
                "klantcontact:create", "klantcontact:create", "klantcontact:create", "klantcontact:create");
        assertThat(n.get(0).get("kenmerken").fieldNames()).toIterable()
                .containsExactly("bronorganisatie", "zaaktype", "zaaktype.catalogus", "vertrouwelijkheidaanduiding");
        assertThat(n.get(0).get("aanmaakdatum").asText()).isEqualTo("2026-03-04T20:31:10+01:00");
        assertThat(n.get(9).get("aanmaakdatum").asText()).isEqualTo("2026-04-21T08:00:00+02:00");
        assertThat(verhaal.notificatiesInTijdsvolgorde()).extracting(o -> o.get("resource").asText()).containsExactly(
                "klantcontact", "klantcontact", "zaak", "rol", "status", "klantcontact", "status", "zaak",
                "klantcontact", "status", "zaak", "status", "resultaat", "status");
    }

    @Test
    void deZaakIsAfgeslotenMetResultaatEnAudittrail() {
        ObjectNode zaak = wereld.bron(verhaal.zaakUrl()).orElseThrow();
        assertThat(zaak.get("einddatum").asText()).isEqualTo("2026-04-21");
        assertThat(zaak.get("resultaat").isNull()).isFalse();
        ObjectNode status = wereld.bron(zaak.get("status").asText()).orElseThrow();
        assertThat(status.get("statustype").asText()).isEqualTo(verhaal.zaaktype().eindstatus());
        assertThat(status.get("indicatieLaatstGezetteStatus").asBoolean()).isTrue();
        List<ObjectNode> audit = wereld.audittrail(Dakkapelverhaal.ZAAK_UUID);
        assertThat(audit).extracting(a -> a.get("actie").asText() + "@" + a.get("aanmaakdatum").asText()).containsExactly(
                "create@2026-03-04T20:31:10+01:00", "partial_update@2026-03-09T11:00:00+01:00",
                "partial_update@2026-03-18T09:30:00+01:00");
        assertThat(audit.get(1).at("/wijzigingen/oud/opschorting/indicatie").asBoolean()).isFalse();
        assertThat(audit.get(1).at("/wijzigingen/nieuw/opschorting/indicatie").asBoolean()).isTrue();
        assertThat(audit.get(1).at("/wijzigingen/nieuw/opschorting/reden").asText()).isEqualTo("Aanvullende gegevens gevraagd");
    }

    @Test
    void gegenereerdeZakenPassenInHunSchema() {
        Zgwwereld w = new Zgwwereld("http://127.0.0.1:8998");
        w.genereer(60, 7);
        w.verlengen(w.lijst("zaken", z -> true).get(0).get("url").asText(), java.time.OffsetDateTime.now(), 42, "Complex");
        w.initiatorKvk(w.lijst("zaken", z -> true).get(1).get("url").asText(), "12345678", "000012345678",
                java.time.OffsetDateTime.now());
        String kc = w.klantcontact("3f0e0c1a-1111-4222-8333-444455556666", java.time.OffsetDateTime.now(), "email", "vraag",
                "inhoud", false, null).url();
        w.betrokkeneKvk(kc, "12345678");
        w.medewerker(kc, "Medewerker", "mdw-1");
        List<String> afwijkingen = new ArrayList<>();
        controleerAlles(w, afwijkingen);
        assertThat(afwijkingen).isEmpty();
        assertThat(w.lijst("rollen", r -> true)).extracting(r -> r.get("betrokkeneType").asText())
                .contains("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging");
        assertThat(w.lijst("zaken", z -> !z.get("einddatum").isNull())).isNotEmpty();
    }

    @Test
    void eenVerkeerdTypeOntbrekendVeldOfOnbekendeEnumwaardeWordtGevonden() {
        ObjectNode zaak = wereld.bron(verhaal.zaakUrl()).orElseThrow();
        ObjectNode type = zaak.deepCopy();
        type.put("registratiedatum", 20260304);
        assertThat(ZAKEN.afwijkingen("Zaak", type)).isNotEmpty();
        ObjectNode ontbrekend = zaak.deepCopy();
        ontbrekend.remove("bronorganisatie");
        assertThat(ZAKEN.afwijkingen("Zaak", ontbrekend)).anyMatch(a -> a.contains("bronorganisatie"));
        ObjectNode enumwaarde = zaak.deepCopy();
        enumwaarde.put("vertrouwelijkheidaanduiding", "streng_geheim");
        assertThat(ZAKEN.afwijkingen("Zaak", enumwaarde)).anyMatch(a -> a.contains("vertrouwelijkheidaanduiding"));
        ObjectNode datum = zaak.deepCopy();
        datum.put("startdatum", "4 maart 2026");
        assertThat(ZAKEN.afwijkingen("Zaak", datum)).anyMatch(a -> a.contains("startdatum"));
        ObjectNode nietNullable = zaak.deepCopy();
        nietNullable.putNull("bronorganisatie");
        assertThat(ZAKEN.afwijkingen("Zaak", nietNullable)).isNotEmpty();
        assertThatThrownBy(() -> ZAKEN.controleer("Zaak", type)).isInstanceOf(Specificatie.Afwijking.class);
    }

    @Test
    void deDiscriminatorKiestHetSchemaVanHetBetrokkeneTypeEnDeSoortPartij() {
        ObjectNode rol = wereld.lijst("rollen", r -> true).get(0);
        ObjectNode verkeerd = rol.deepCopy();
        verkeerd.put("betrokkeneType", "natuurlijk_persoon");
        ((ObjectNode) verkeerd.get("betrokkeneIdentificatie")).put("inpBsn", 999990342);
        assertThat(ZAKEN.afwijkingenAntwoord("get", "/rollen/{uuid}", 200, verkeerd)).isNotEmpty();
        ObjectNode onbekend = rol.deepCopy();
        onbekend.put("betrokkeneType", "huisdier");
        assertThat(ZAKEN.afwijkingenAntwoord("get", "/rollen/{uuid}", 200, onbekend)).isNotEmpty();

        ObjectNode partij = wereld.lijst("partijen", p -> true).get(0);
        ObjectNode soort = partij.deepCopy();
        soort.put("soortPartij", "huisdier");
        assertThat(KLANT.afwijkingenAntwoord("get", "/partijen/{uuid}", 200, soort)).isNotEmpty();
        ObjectNode identificator = partij.deepCopy();
        ((ObjectNode) identificator.at("/partijIdentificatoren/0/partijIdentificator")).put("codeRegister", "gba");
        assertThat(KLANT.afwijkingenAntwoord("get", "/partijen/{uuid}", 200, identificator)).isNotEmpty();
    }

    @Test
    void eenStatusDieDeSpecificatieNietKentIsEenAfwijking() {
        assertThat(ZAKEN.afwijkingenAntwoord("get", "/zaken/{uuid}", 418, null)).isNotEmpty();
        assertThatThrownBy(() -> ZAKEN.afwijkingenAntwoord("get", "/besluiten", 200, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deConfiguratieVanHetVerhaalIsGeldigVoorDeAdapter() throws Exception {
        Referentiegegevens r = Referentiegegevens.laadStandaard();
        Bronconfiguratie c;
        try (var in = Dakkapelverhaal.class.getResourceAsStream(Dakkapelverhaal.CONFIGURATIE)) {
            c = Bronconfiguratie.lees(in, Dakkapelverhaal.CONFIGURATIE, Dakkapelverhaal.omgeving(Map.of(
                    "NABOOTSING", "http://127.0.0.1:8999", "ZGW_SECRET", "geheim-van-de-test-0123456789",
                    "OPENKLANT_TOKEN", "token-van-de-test-0123456789",
                    "NOTIFICATIES_AUTORISATIE", "Token notificaties-van-de-test-0123")), r.catalogus(), r.kanalen());
        }
        assertThat(c.openZaak().zakenApi()).hasToString(wereld.zakenApi());
        assertThat(c.koppeling(verhaal.zaaktype().url(), "ZT-OMGEVINGSVERGUNNING")).get()
                .satisfies(k -> assertThat(k.statustypen()).containsEntry("5", Bronconfiguratie.GEEN_STATUS));
        assertThat(c.onderwerp("omgevingsvergunning")).contains("omgevingsvergunning");
    }

    static void controleerAlles(Zgwwereld w, List<String> afwijkingen) {
        Map<String, String[]> schemas = Map.of(
                "zaken", new String[]{"ZAKEN", "/zaken/{uuid}"}, "statussen", new String[]{"ZAKEN", "/statussen/{uuid}"},
                "rollen", new String[]{"ZAKEN", "/rollen/{uuid}"}, "resultaten", new String[]{"ZAKEN", "/resultaten/{uuid}"},
                "zaaktypen", new String[]{"CATALOGI", "/zaaktypen/{uuid}"},
                "statustypen", new String[]{"CATALOGI", "/statustypen/{uuid}"},
                "resultaattypen", new String[]{"CATALOGI", "/resultaattypen/{uuid}"},
                "klantcontacten", new String[]{"KLANTINTERACTIES", "/klantcontacten/{uuid}"},
                "betrokkenen", new String[]{"KLANTINTERACTIES", "/betrokkenen/{uuid}"},
                "partijen", new String[]{"KLANTINTERACTIES", "/partijen/{uuid}"});
        Map<String, String[]> meer = Map.of(
                "partij-identificatoren", new String[]{"KLANTINTERACTIES", "/partij-identificatoren/{uuid}"},
                "onderwerpobjecten", new String[]{"KLANTINTERACTIES", "/onderwerpobjecten/{uuid}"},
                "actoren", new String[]{"KLANTINTERACTIES", "/actoren/{uuid}"});
        for (Map<String, String[]> m : List.of(schemas, meer)) {
            m.forEach((verzameling, s) -> {
                Specificatie spec = Specificatie.van(Api.valueOf(s[0]));
                for (ObjectNode o : w.lijst(verzameling, x -> true)) {
                    spec.afwijkingenAntwoord("get", s[1], 200, o).forEach(a -> afwijkingen.add(verzameling + ": " + a));
                }
            });
        }
        for (ObjectNode z : w.lijst("zaken", x -> true)) {
            ArrayNode a = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
            w.audittrail(z.get("uuid").asText()).forEach(a::add);
            ZAKEN.afwijkingenAntwoord("get", "/zaken/{zaak_uuid}/audittrail", 200, a).forEach(x -> afwijkingen.add("audittrail: " + x));
        }
        for (ObjectNode n : w.notificaties()) {
            NOTIFICATIES.afwijkingen("Message", n).forEach(x -> afwijkingen.add("notificatie: " + x));
        }
    }
}
