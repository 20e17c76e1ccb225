package nl.klantreis.bronnen;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's abonnement at Open Notificaties ({@code POST /abonnement}): its callback is the engine's
 * {@code /api/v1/notificaties}, its {@code auth} the first of the accepted Authorization values, its kanalen
 * {@code zaken} (filtered on the mapped zaaktypen when every mapping names its zaaktype by URL) and
 * {@code klantcontacten} when Open Klant is connected. Registering twice makes no second abonnement: one with the
 * same callbackUrl is reported instead.
 */
public final class Abonnement {

    /**
     * @param url      the abonnement's URL at Open Notificaties
     * @param nieuw    false when an abonnement for this callback existed already
     * @param kanalen  the kanalen it is (or was) taken on
     */
    public record Uitslag(String url, boolean nieuw, List<String> kanalen) {
    }

    private final Bronconfiguratie configuratie;
    private final Bronclient client;
    private final String api;

    public Abonnement(Bronconfiguratie configuratie, Clock klok) {
        this.configuratie = configuratie;
        Bronconfiguratie.Notificaties n = configuratie.notificaties();
        if (n.openNotificaties() == null || n.callbackUrl() == null) {
            throw new IllegalStateException("zet notificaties.openNotificaties en notificaties.callbackUrl in de bronconfiguratie");
        }
        if (n.authenticatie() == null || n.authenticatie() == Bronconfiguratie.Authenticatie.GEEN) {
            throw new IllegalStateException("zet notificaties.authenticatie (clientId en secret) in de bronconfiguratie");
        }
        this.api = n.openNotificaties().toString();
        this.client = new Bronclient(List.of(n.openNotificaties()), n.authenticatie(), configuratie.verwerking().tijdslimiet(), klok);
    }

    /** The body that would be sent, for {@code --droog} and for the tests. */
    public ObjectNode verzoek() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("callbackUrl", configuratie.notificaties().callbackUrl().toString());
        body.put("auth", configuratie.notificaties().autorisatie().get(0));
        ArrayNode kanalen = body.putArray("kanalen");
        if (configuratie.openZaak() != null) {
            List<String> zaaktypen = configuratie.zaaktypen().stream().map(Bronconfiguratie.Zaaktypekoppeling::url).toList();
            if (!zaaktypen.isEmpty() && zaaktypen.stream().allMatch(Objects::nonNull)) {
                for (String zaaktype : zaaktypen) {
                    ObjectNode kanaal = kanalen.addObject().put("naam", "zaken");
                    kanaal.putObject("filters").put("zaaktype", zaaktype);
                }
            } else {
                kanalen.addObject().put("naam", "zaken").putObject("filters");
            }
        }
        if (configuratie.openKlant() != null) {
            kanalen.addObject().put("naam", "klantcontacten").putObject("filters");
        }
        return body;
    }

    /** Registers the abonnement unless one for this callback exists. */
    public Uitslag registreer() throws Bronfout, Weg {
        String callback = configuratie.notificaties().callbackUrl().toString();
        for (JsonNode bestaand : client.haalAlle(api + "/abonnement")) {
            if (callback.equals(Zaaksynchronisatie.tekst(bestaand, "callbackUrl"))) {
                return new Uitslag(Zaaksynchronisatie.tekst(bestaand, "url"), false, kanalen(bestaand));
            }
        }
        JsonNode antwoord = client.stuur(api + "/abonnement", verzoek());
        String url = Zaaksynchronisatie.tekst(antwoord, "url");
        if (url == null) {
            throw new Bronfout("Open Notificaties gaf geen url van het abonnement terug", false);
        }
        return new Uitslag(URI.create(url).toString(), true, kanalen(antwoord));
    }

    private static List<String> kanalen(JsonNode abonnement) {
        List<String> namen = new ArrayList<>();
        abonnement.path("kanalen").forEach(k -> {
            String naam = k.path("naam").asText();
            if (!namen.contains(naam)) {
                namen.add(naam);
            }
        });
        return namen;
    }
}
