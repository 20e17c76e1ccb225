package nl.klantreis.bronnen;

import static nl.klantreis.bronnen.Zaaksynchronisatie.tekst;
import static nl.klantreis.bronnen.Zaaksynchronisatie.zetAls;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A klantcontact in Open Klant 2 (Klantinteracties API), read with what hangs under it and told as one
 * {@code klantcontact-geregistreerd}:
 * <ul>
 * <li>the klant: the betrokkene that is the klant (its {@code initiator}, else rol {@code klant}), its partij, and
 * that partij's identificator with {@code codeSoortObjectId} {@code bsn} or {@code kvk_nummer}; none: anoniem;</li>
 * <li>the zaak: an onderwerpobject with {@code codeObjecttype} {@code zaak} (its objectId the zaak's UUID or URL);
 * {@code wasKlantcontact}: an onderwerpobject that <em>was</em> an earlier klantcontact (Open Klant's way of saying
 * "this contact continues that one");</li>
 * <li>the kanaal: Open Klant's text, as is: the ingestion translates it through the alias table
 * ({@code kanalen.json}) and refuses, counted and with a clear reason, a text it does not know, never guessing;</li>
 * <li>the onderwerp: {@code hoofdOnderwerpType} when it is a mapped zaaktype, else the {@code onderwerp} text through
 * the configuration's {@code onderwerpen}; neither: {@code ongekoppeld} (kept for a replay after the mapping is
 * fixed);</li>
 * <li>what Open Klant has no field for, from the klantcontact's {@code metadata} when the channel system set it:
 * {@code resultaat}, {@code doorverwezenNaar}, {@code duurSeconden}, {@code medewerker}, {@code richting}. Without
 * {@code resultaat}: {@code niet-bereikt} when {@code indicatieContactGelukt} is false, {@code terugbelverzoek} when
 * it led to an interne taak, else {@code beantwoord}.</li>
 * </ul>
 * {@code inhoud} is taken as is: the Klantinteracties API allows 1,000 characters, the contract 2,000.
 */
public final class Klantcontactsynchronisatie implements Synchronisaties.Lezer {
    private final Bronconfiguratie configuratie;
    private final Bronconfiguratie.OpenKlant openKlant;
    private final Bronclient client;

    public Klantcontactsynchronisatie(Bronconfiguratie configuratie, Bronclient client) {
        this.configuratie = configuratie;
        this.openKlant = configuratie.openKlant();
        this.client = client;
    }

    /** A client for Open Klant as configured. */
    public static Bronclient client(Bronconfiguratie configuratie, Clock klok) {
        Bronconfiguratie.OpenKlant ok = configuratie.openKlant();
        return new Bronclient(List.of(ok.klantinteractiesApi()), ok.authenticatie(), configuratie.verwerking().tijdslimiet(),
                klok);
    }

    @Override
    public Resultaat lees(String url) throws Bronfout, Weg {
        JsonNode contact = client.haal(url);
        String uuid = tekst(contact, "uuid");
        if (uuid == null) {
            throw new Bronfout(url + " is geen klantcontact (geen uuid)", false);
        }
        List<String> opmerkingen = new ArrayList<>();
        JsonNode metadata = contact.path("metadata");

        String onderwerp = onderwerp(contact);
        if (onderwerp == null) {
            return Resultaat.zonder(Resultaat.Uitkomst.ONGEKOPPELD, "onderwerp '" + beknopt(tekst(contact, "onderwerp"))
                    + "'" + (tekst(contact, "hoofdOnderwerpType") == null ? ""
                    : " (hoofdOnderwerpType " + tekst(contact, "hoofdOnderwerpType") + ")")
                    + " staat niet in de koppeling onderwerpen");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("klantcontactId", uuid);
        zetAls(data, "plaatsgevondenOp", tekst(contact, "plaatsgevondenOp"));
        data.set("klant", klant(contact));
        zetAls(data, "kanaal", tekst(contact, "kanaal"));
        zetAls(data, "richting", tekst(metadata, "richting"));
        data.put("onderwerp", onderwerp);

        for (JsonNode verwijzing : contact.path("gingOverOnderwerpobjecten")) {
            JsonNode object = client.haal(tekst(verwijzing, "url"));
            JsonNode identificator = object.path("onderwerpobjectidentificator");
            if ("zaak".equals(tekst(identificator, "codeObjecttype")) && tekst(identificator, "objectId") != null) {
                data.put("zaakId", laatsteDeel(tekst(identificator, "objectId")));
            }
            String eerder = tekst(object.path("wasKlantcontact"), "uuid");
            if (eerder != null && !eerder.equals(uuid)) {
                data.put("wasKlantcontact", eerder);
            }
        }

        String resultaat = tekst(metadata, "resultaat");
        if (resultaat == null) {
            if (contact.path("indicatieContactGelukt").isBoolean() && !contact.path("indicatieContactGelukt").asBoolean()) {
                resultaat = "niet-bereikt";
            } else if (contact.path("leiddeTotInterneTaken").size() > 0) {
                resultaat = "terugbelverzoek";
            } else {
                resultaat = "beantwoord";
            }
        }
        data.put("resultaat", resultaat);
        zetAls(data, "doorverwezenNaar", tekst(metadata, "doorverwezenNaar"));
        String medewerker = Optional.ofNullable(tekst(metadata, "medewerker"))
                .orElse(tekst(contact.path("hadBetrokkenActoren").path(0), "uuid"));
        zetAls(data, "medewerker", medewerker);
        zetAls(data, "inhoud", tekst(contact, "inhoud"));
        String duur = tekst(metadata, "duurSeconden");
        if (duur != null) {
            try {
                data.put("duurSeconden", Integer.parseInt(duur.strip()));
            } catch (NumberFormatException e) {
                opmerkingen.add("metadata duurSeconden is geen geheel getal en is overgeslagen");
            }
        }
        ObjectNode bericht = Bronbericht.maak(openKlant.source(), "klantinteracties.klantcontact-geregistreerd", url, data);
        return Resultaat.berichten(List.of(bericht), String.join("; ", opmerkingen));
    }

    private String onderwerp(JsonNode contact) throws Bronfout, Weg {
        String hoofdtype = tekst(contact, "hoofdOnderwerpType");
        if (hoofdtype != null) {
            Optional<Bronconfiguratie.Zaaktypekoppeling> koppeling = configuratie.koppeling(hoofdtype, null);
            if (koppeling.isPresent()) {
                return koppeling.get().zaaktype();
            }
        }
        return configuratie.onderwerp(tekst(contact, "onderwerp")).orElse(null);
    }

    /** The klant: the betrokkene that is him, its partij, the partij's BSN or KVK number; else anoniem. */
    private JsonNode klant(JsonNode contact) throws Bronfout, Weg {
        JsonNode gekozen = null;
        for (JsonNode verwijzing : contact.path("hadBetrokkenen")) {
            JsonNode betrokkene = client.haal(tekst(verwijzing, "url"));
            boolean klant = betrokkene.path("initiator").asBoolean(false) || "klant".equals(tekst(betrokkene, "rol"));
            if (klant && betrokkene.path("wasPartij").isObject()) {
                gekozen = betrokkene;
                if (betrokkene.path("initiator").asBoolean(false)) {
                    break;
                }
            }
        }
        if (gekozen != null) {
            JsonNode partij = client.haal(tekst(gekozen.path("wasPartij"), "url"));
            String kvk = null;
            for (JsonNode verwijzing : partij.path("partijIdentificatoren")) {
                JsonNode identificator = client.haal(tekst(verwijzing, "url")).path("partijIdentificator");
                String soort = tekst(identificator, "codeSoortObjectId");
                if ("bsn".equals(soort) && tekst(identificator, "objectId") != null) {
                    return JsonNodeFactory.instance.objectNode().put("bsn", tekst(identificator, "objectId"));
                }
                if ("kvk_nummer".equals(soort) && tekst(identificator, "objectId") != null) {
                    kvk = tekst(identificator, "objectId");
                }
            }
            if (kvk != null) {
                return JsonNodeFactory.instance.objectNode().put("kvk", kvk);
            }
        }
        return JsonNodeFactory.instance.objectNode().put("anoniem", true);
    }

    /** A zaak's UUID from an objectId that is the UUID itself or the zaak's URL. */
    private static String laatsteDeel(String objectId) {
        String waarde = objectId.endsWith("/") ? objectId.substring(0, objectId.length() - 1) : objectId;
        String laatste = waarde.substring(waarde.lastIndexOf('/') + 1);
        try {
            return UUID.fromString(laatste).toString();
        } catch (IllegalArgumentException e) {
            return objectId;
        }
    }

    private static String beknopt(String tekst) {
        return tekst == null ? "" : tekst.length() > 100 ? tekst.substring(0, 100) + "…" : tekst;
    }
}
