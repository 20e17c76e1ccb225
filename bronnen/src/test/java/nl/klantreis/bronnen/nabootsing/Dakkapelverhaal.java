package nl.klantreis.bronnen.nabootsing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The dakkapel story of {@code shared/contract/examples/klantreis-dakkapel.batch.json} as Open Zaak and Open Klant
 * hold it: the zaak (zaaktype {@code ZT-OMGEVINGSVERGUNNING}, initiator bsn 999990342, statuses 1-4, opgeschort and
 * hervat, resultaat {@code Verleend} and the eindstatus) and the four klantcontacten, with the notifications the
 * sources send, in the order they send them per source (all of the zaak's, then the klantcontacten's). With
 * {@link #CONFIGURATIE} (volgnummer 5 maps to "-") the adapter turns them into the batch's facts.
 */
public final class Dakkapelverhaal {

    /** The mapping of this story, a test resource; resolve it with {@link #omgeving(Map)}. */
    public static final String CONFIGURATIE = "/nabootsing/dakkapel-bronnen.yaml";
    public static final String ZAAK_UUID = "5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01";
    public static final String IDENTIFICATIE = "ZAAK-2026-0000123";
    public static final String BSN = "999990342";
    public static final String KLANTCONTACT_TELEFOON = "0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11";
    public static final String KLANTCONTACT_WEBFORMULIER = "6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22";
    public static final String KLANTCONTACT_NAVRAAG = "9e3a4f10-7b2c-4d6e-8f90-1a2b3c4d5e33";
    public static final String KLANTCONTACT_WEBCHAT = "a1b2c3d4-0000-4000-8000-000000000044";

    private final Zgwwereld.Zaaktype zaaktype;
    private final String zaakUrl;
    private final Map<String, String> klantcontacten;
    private final List<ObjectNode> notificaties;

    private Dakkapelverhaal(Zgwwereld.Zaaktype zaaktype, String zaakUrl, Map<String, String> klantcontacten,
                            List<ObjectNode> notificaties) {
        this.zaaktype = zaaktype;
        this.zaakUrl = zaakUrl;
        this.klantcontacten = Map.copyOf(klantcontacten);
        this.notificaties = List.copyOf(notificaties);
    }

    /** Puts the story into {@code wereld} (in the order things happened, so the audittrail is right). */
    public static Dakkapelverhaal bouw(Zgwwereld wereld) {
        Zgwwereld.Zaaktype zt = wereld.zaaktype("ZT-OMGEVINGSVERGUNNING", "Omgevingsvergunning aanvragen (reguliere procedure)",
                List.of(new Zgwwereld.Statustype("Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen."),
                        new Zgwwereld.Statustype("Aanvullende informatie gevraagd",
                                "Wij hebben meer informatie van u nodig. De termijn staat stil tot wij die hebben."),
                        new Zgwwereld.Statustype("In behandeling", "Wij beoordelen uw aanvraag."),
                        new Zgwwereld.Statustype("Besluit genomen", "Er is een besluit genomen. U ontvangt het besluit."),
                        new Zgwwereld.Statustype("Afgehandeld", "Uw aanvraag is afgehandeld.")),
                List.of("Verleend", "Geweigerd"));

        Zgwwereld.Wijziging kc1 = wereld.klantcontact(KLANTCONTACT_TELEFOON, t("2026-03-02T09:12:40+01:00"), "telefoon",
                "omgevingsvergunning", "Vraagt hoe hij een dakkapel aanvraagt; verwezen naar het formulier.", true,
                metadata("resultaat", "doorverwezen", "doorverwezenNaar", "webformulier", "duurSeconden", "312",
                        "medewerker", "kcc-medewerker-17"));
        wereld.betrokkeneBsn(kc1.url(), BSN);

        Zgwwereld.Wijziging kc2 = wereld.klantcontact(KLANTCONTACT_WEBFORMULIER, t("2026-03-04T20:31:00+01:00"),
                "webformulier", "omgevingsvergunning", null, true, metadata("resultaat", "zaak-gestart"));
        wereld.betrokkeneBsn(kc2.url(), BSN);
        wereld.onderwerpobject(kc2.url(), ZAAK_UUID);
        wereld.vervolgVan(kc2.url(), kc1.url());

        OffsetDateTime geregistreerd = t("2026-03-04T20:31:10+01:00");
        Zgwwereld.Wijziging zaak = wereld.zaak(ZAAK_UUID, IDENTIFICATIE, zt, LocalDate.parse("2026-03-04"), geregistreerd,
                "Dakkapel aan de achterzijde", "webformulier", "openbaar");
        Zgwwereld.Wijziging rol = wereld.initiatorBsn(zaak.url(), BSN, geregistreerd);
        Zgwwereld.Wijziging s1 = wereld.status(zaak.url(), zt.statustype(1), t("2026-03-04T20:31:12+01:00"), null);

        Zgwwereld.Wijziging kc4 = wereld.klantcontact(KLANTCONTACT_WEBCHAT, t("2026-03-05T13:00:00+01:00"), "webchat",
                "algemene-vraag", null, true, metadata("resultaat", "beantwoord"));

        Zgwwereld.Wijziging s2 = wereld.status(zaak.url(), zt.statustype(2), t("2026-03-09T11:00:00+01:00"),
                "Wij missen een bouwtekening van de achtergevel.");
        Zgwwereld.Wijziging opgeschort = wereld.opschorten(zaak.url(), t("2026-03-09T11:00:00+01:00"),
                "Aanvullende gegevens gevraagd");

        Zgwwereld.Wijziging kc3 = wereld.klantcontact(KLANTCONTACT_NAVRAAG, t("2026-03-16T10:05:00+01:00"), "telefoon",
                "status-navraag", null, true, metadata("resultaat", "beantwoord", "duurSeconden", "190"));
        wereld.betrokkeneBsn(kc3.url(), BSN);
        wereld.onderwerpobject(kc3.url(), ZAAK_UUID);

        Zgwwereld.Wijziging hervat = wereld.hervatten(zaak.url(), t("2026-03-18T09:30:00+01:00"));
        Zgwwereld.Wijziging s3 = wereld.status(zaak.url(), zt.statustype(3), t("2026-03-18T09:30:00+01:00"), null);
        Zgwwereld.Wijziging s4 = wereld.status(zaak.url(), zt.statustype(4), t("2026-04-20T14:00:00+02:00"), null);
        Zgwwereld.Wijziging resultaat = wereld.resultaat(zaak.url(), zt.resultaattype("Verleend"),
                "De vergunning is verleend.", t("2026-04-21T08:00:00+02:00"));
        Zgwwereld.Wijziging eind = wereld.status(zaak.url(), zt.eindstatus(), t("2026-04-21T08:00:00+02:00"), null);

        List<ObjectNode> notificaties = new ArrayList<>();
        for (Zgwwereld.Wijziging w : List.of(zaak, rol, s1, s2, s3, s4, opgeschort, hervat, resultaat, eind, kc1, kc2, kc4, kc3)) {
            notificaties.add(w.notificatie());
        }
        Map<String, String> kcs = new LinkedHashMap<>();
        for (Zgwwereld.Wijziging w : List.of(kc1, kc2, kc3, kc4)) {
            kcs.put(w.uuid(), w.url());
        }
        return new Dakkapelverhaal(zt, zaak.url(), kcs, notificaties);
    }

    public Zgwwereld.Zaaktype zaaktype() {
        return zaaktype;
    }

    public String zaakUrl() {
        return zaakUrl;
    }

    /** klantcontact uuid (the batch's klantcontactId) to its URL. */
    public Map<String, String> klantcontacten() {
        return klantcontacten;
    }

    /**
     * The notifications in the order Open Zaak and Open Klant send them: zaak create, rol create, status create x4,
     * zaak partial_update x2 (opschorting, hervatting), resultaat create, status create (eind), klantcontact create
     * x4 (by plaatsgevondenOp); each with the moment of its change as {@code aanmaakdatum}.
     */
    public List<ObjectNode> notificaties() {
        return notificaties.stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * The same notifications as the two sources together would deliver them: by {@code aanmaakdatum} (a stable
     * sort, so a status and the opschorting of the same moment keep the order above).
     */
    public List<ObjectNode> notificatiesInTijdsvolgorde() {
        List<ObjectNode> n = new ArrayList<>(notificaties());
        n.sort(java.util.Comparator.comparing(o -> OffsetDateTime.parse(o.get("aanmaakdatum").asText()).toInstant()));
        return n;
    }

    /**
     * Resolves {@code ${NAME}} in a value of {@link #CONFIGURATIE} from {@code waarden} (e.g. {@code NABOOTSING} the
     * stand-in's base URL, {@code ZGW_SECRET}, {@code OPENKLANT_TOKEN}, {@code NOTIFICATIES_AUTORISATIE}); an unknown
     * name is an {@link IllegalArgumentException}, as {@code Bronconfiguratie.lees} expects.
     */
    public static UnaryOperator<String> omgeving(Map<String, String> waarden) {
        return nl.klantreis.bronnen.Bronconfiguratie.uit(waarden);
    }

    private static Map<String, String> metadata(String... paren) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < paren.length; i += 2) {
            m.put(paren[i], paren[i + 1]);
        }
        return m;
    }

    private static OffsetDateTime t(String tekst) {
        return OffsetDateTime.parse(tekst);
    }
}
