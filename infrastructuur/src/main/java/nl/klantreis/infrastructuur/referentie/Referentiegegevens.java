package nl.klantreis.infrastructuur.referentie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Statustype;
import nl.klantreis.domein.referentie.Vertrouwelijkheid;
import nl.klantreis.domein.referentie.Zaaktype;

/**
 * The reference data the engine ships with: the kanaal list and the zaaktype catalogue.
 *
 * <p>Both files are checked as a whole before anything is built, and every problem found is
 * named in one message: a mistake in reference data should fail the start-up, not turn into
 * wrongly accepted or rejected messages later.
 */
public final class Referentiegegevens {
    static final String KANALEN_BESTAND = "referentie/kanalen.json";
    static final String ZAAKTYPEN_BESTAND = "referentie/zaaktypen.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kanalen kanalen;
    private final Catalogus catalogus;
    private final List<String> statusgroepen;

    private Referentiegegevens(Kanalen kanalen, Catalogus catalogus, List<String> statusgroepen) {
        this.kanalen = kanalen;
        this.catalogus = catalogus;
        this.statusgroepen = List.copyOf(statusgroepen);
    }

    /** The files in {@code referentie/} on the classpath. */
    public static Referentiegegevens laadStandaard() {
        ClassLoader loader = Referentiegegevens.class.getClassLoader();
        try (InputStream kanalen = loader.getResourceAsStream(KANALEN_BESTAND);
             InputStream zaaktypen = loader.getResourceAsStream(ZAAKTYPEN_BESTAND)) {
            if (kanalen == null || zaaktypen == null) {
                throw new IllegalStateException("referentiegegevens niet gevonden op het classpath: "
                        + (kanalen == null ? KANALEN_BESTAND : ZAAKTYPEN_BESTAND));
            }
            return laad(kanalen, zaaktypen);
        } catch (IOException e) {
            throw new UncheckedIOException("referentiegegevens niet te lezen", e);
        }
    }

    /**
     * Reads and checks the two files; the streams are not closed.
     *
     * @throws OngeldigeReferentiegegevens naming every problem found
     */
    public static Referentiegegevens laad(InputStream kanalen, InputStream zaaktypen) {
        JsonNode kanalenJson = lees(kanalen, "kanalen.json");
        JsonNode zaaktypenJson = lees(zaaktypen, "zaaktypen.json");
        List<String> problemen = new ArrayList<>();
        List<Kanaal> kanaallijst = new Kanaallezer(problemen).lees(kanalenJson);
        Zaaktypenlezer zaaktypenlezer = new Zaaktypenlezer(problemen);
        List<Zaaktype> zaaktypenlijst = zaaktypenlezer.lees(zaaktypenJson);
        if (!problemen.isEmpty()) {
            throw new OngeldigeReferentiegegevens(problemen);
        }
        return new Referentiegegevens(new Kanalen(kanaallijst), new Catalogus(zaaktypenlijst),
                zaaktypenlezer.statusgroepen);
    }

    public Kanalen kanalen() {
        return kanalen;
    }

    public Catalogus catalogus() {
        return catalogus;
    }

    /** The statusgroepen a citizen sees, in the order of the file. */
    public List<String> statusgroepen() {
        return statusgroepen;
    }

    /** Reference data that breaks a rule; the message lists every problem, one a line. */
    public static final class OngeldigeReferentiegegevens extends IllegalStateException {
        private final List<String> problemen;

        OngeldigeReferentiegegevens(List<String> problemen) {
            super("ongeldige referentiegegevens:\n  - " + String.join("\n  - ", problemen));
            this.problemen = List.copyOf(problemen);
        }

        public List<String> problemen() {
            return problemen;
        }
    }

    private static JsonNode lees(InputStream bron, String naam) {
        if (bron == null) {
            throw new IllegalArgumentException(naam + ": geen invoer");
        }
        try {
            JsonNode json = JSON.readTree(bron);
            if (json == null || !json.isObject()) {
                throw new OngeldigeReferentiegegevens(List.of(naam + ": moet een JSON-object zijn"));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new OngeldigeReferentiegegevens(List.of(naam + ": geen geldige JSON (" + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(naam + " niet te lezen", e);
        }
    }

    /** Shared field reading that records a problem instead of failing at the first. */
    private abstract static class Lezer {
        final List<String> problemen;

        Lezer(List<String> problemen) {
            this.problemen = problemen;
        }

        void probleem(String waar, String wat) {
            problemen.add(waar + ": " + wat);
        }

        String tekst(JsonNode node, String veld, String waar) {
            JsonNode waarde = node.get(veld);
            if (waarde == null || !waarde.isTextual() || waarde.textValue().isBlank()) {
                probleem(waar, "'" + veld + "' ontbreekt of is geen tekst");
                return null;
            }
            return waarde.textValue();
        }

        boolean waarheid(JsonNode node, String veld, String waar) {
            JsonNode waarde = node.get(veld);
            if (waarde == null || !waarde.isBoolean()) {
                probleem(waar, "'" + veld + "' ontbreekt of is geen true/false");
                return false;
            }
            return waarde.booleanValue();
        }

        int getal(JsonNode node, String veld, String waar) {
            JsonNode waarde = node.get(veld);
            if (waarde == null || !waarde.isIntegralNumber() || !waarde.canConvertToInt() || waarde.intValue() < 0) {
                probleem(waar, "'" + veld + "' ontbreekt of is geen geheel getal >= 0");
                return 0;
            }
            return waarde.intValue();
        }

        List<String> teksten(JsonNode node, String veld, String waar) {
            JsonNode waarde = node.get(veld);
            List<String> teksten = new ArrayList<>();
            if (waarde == null || !waarde.isArray()) {
                probleem(waar, "'" + veld + "' ontbreekt of is geen lijst");
                return teksten;
            }
            for (JsonNode element : waarde) {
                if (!element.isTextual() || element.textValue().isBlank()) {
                    probleem(waar, "'" + veld + "' bevat iets anders dan tekst");
                } else {
                    teksten.add(element.textValue());
                }
            }
            return teksten;
        }

        Iterable<JsonNode> lijst(JsonNode node, String veld, String waar) {
            JsonNode waarde = node.get(veld);
            if (waarde == null || !waarde.isArray()) {
                probleem(waar, "'" + veld + "' ontbreekt of is geen lijst");
                return List.of();
            }
            return waarde;
        }
    }

    private static final class Kanaallezer extends Lezer {
        Kanaallezer(List<String> problemen) {
            super(problemen);
        }

        List<Kanaal> lees(JsonNode json) {
            List<Kanaal> kanalen = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            // code or alias (as Kanalen compares them: trimmed, lower case) -> the kanaal it names
            Map<String, String> namen = new HashMap<>();
            int positie = 0;
            for (JsonNode node : lijst(json, "kanalen", "kanalen.json")) {
                positie++;
                if (!node.isObject()) {
                    probleem("kanalen.json, kanaal " + positie, "geen object");
                    continue;
                }
                String code = tekst(node, "code", "kanalen.json, kanaal " + positie);
                String waar = "kanalen.json, kanaal '" + (code == null ? "#" + positie : code) + "'";
                String naam = tekst(node, "naam", waar);
                List<String> aliassen = teksten(node, "aliassen", waar);
                String generatie = tekst(node, "generatie", waar);
                boolean digitaal = waarheid(node, "digitaal", waar);
                boolean persoonlijk = waarheid(node, "persoonlijk", waar);
                Optional<Integer> kosten = kosten(node, waar);
                if (code == null) {
                    continue;
                }
                if (!codes.add(code)) {
                    probleem(waar, "code komt meer dan eens voor");
                }
                registreer(namen, code, code, waar);
                for (String alias : aliassen) {
                    registreer(namen, alias, code, waar);
                }
                if (naam != null && generatie != null) {
                    kanalen.add(new Kanaal(code, naam, aliassen, generatie, digitaal, persoonlijk, kosten));
                }
            }
            if (positie == 0 && problemen.isEmpty()) {
                probleem("kanalen.json", "geen enkel kanaal");
            }
            return kanalen;
        }

        private void registreer(Map<String, String> namen, String naam, String code, String waar) {
            String eerder = namen.putIfAbsent(naam.trim().toLowerCase(Locale.ROOT), code);
            if (eerder != null && !eerder.equals(code)) {
                probleem(waar, "'" + naam + "' hoort al bij kanaal '" + eerder + "'");
            }
        }

        private Optional<Integer> kosten(JsonNode node, String waar) {
            JsonNode kosten = node.get("kosten");
            if (kosten == null || kosten.isNull()) {
                return Optional.empty();
            }
            if (!kosten.isIntegralNumber() || !kosten.canConvertToInt() || kosten.intValue() < 0) {
                probleem(waar, "'kosten' is geen geheel aantal eurocent >= 0 of null");
                return Optional.empty();
            }
            return Optional.of(kosten.intValue());
        }
    }

    private static final class Zaaktypenlezer extends Lezer {
        private final List<String> statusgroepen = new ArrayList<>();

        Zaaktypenlezer(List<String> problemen) {
            super(problemen);
        }

        List<Zaaktype> lees(JsonNode json) {
            statusgroepen.addAll(new LinkedHashSet<>(teksten(json, "statusgroepen", "zaaktypen.json")));
            List<Zaaktype> zaaktypen = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            int positie = 0;
            for (JsonNode node : lijst(json, "zaaktypen", "zaaktypen.json")) {
                positie++;
                if (!node.isObject()) {
                    probleem("zaaktypen.json, zaaktype " + positie, "geen object");
                    continue;
                }
                String code = tekst(node, "code", "zaaktypen.json, zaaktype " + positie);
                String waar = "zaaktypen.json, zaaktype '" + (code == null ? "#" + positie : code) + "'";
                if (code != null && !codes.add(code)) {
                    probleem(waar, "code komt meer dan eens voor");
                }
                Zaaktype zaaktype = zaaktype(node, code, waar);
                if (zaaktype != null) {
                    zaaktypen.add(zaaktype);
                }
            }
            if (positie == 0 && problemen.isEmpty()) {
                probleem("zaaktypen.json", "geen enkel zaaktype");
            }
            return zaaktypen;
        }

        private Zaaktype zaaktype(JsonNode node, String code, String waar) {
            int problemenVooraf = problemen.size();
            String omschrijving = tekst(node, "omschrijving", waar);
            Vertrouwelijkheid vertrouwelijkheid = vertrouwelijkheid(node, waar);
            int doorlooptijdDagen = getal(node, "doorlooptijdDagen", waar);
            int servicenormDagen = getal(node, "servicenormDagen", waar);
            boolean opschortingMogelijk = waarheid(node, "opschortingMogelijk", waar);
            boolean verlengingMogelijk = waarheid(node, "verlengingMogelijk", waar);
            int verlengingDagen = getal(node, "verlengingDagen", waar);
            List<Statustype> statustypen = statustypen(node, waar);
            List<String> resultaten = teksten(node, "resultaten", waar);
            if (resultaten.size() != new HashSet<>(resultaten).size()) {
                probleem(waar, "een resultaat komt meer dan eens voor");
            }
            if (problemen.size() > problemenVooraf || code == null) {
                return null;
            }
            return new Zaaktype(code, omschrijving, vertrouwelijkheid, doorlooptijdDagen, servicenormDagen,
                    opschortingMogelijk, verlengingMogelijk, verlengingDagen, statustypen, resultaten);
        }

        private Vertrouwelijkheid vertrouwelijkheid(JsonNode node, String waar) {
            String code = tekst(node, "vertrouwelijkheid", waar);
            if (code == null) {
                return null;
            }
            Optional<Vertrouwelijkheid> vertrouwelijkheid = Vertrouwelijkheid.metCode(code);
            if (vertrouwelijkheid.isEmpty()) {
                probleem(waar, "vertrouwelijkheid '" + code + "' is geen van de ZGW-niveaus");
            }
            return vertrouwelijkheid.orElse(null);
        }

        private List<Statustype> statustypen(JsonNode zaaktype, String waar) {
            List<Statustype> statustypen = new ArrayList<>();
            Set<Integer> volgnummers = new HashSet<>();
            Set<String> codes = new HashSet<>();
            int positie = 0;
            for (JsonNode node : lijst(zaaktype, "statustypen", waar)) {
                positie++;
                if (!node.isObject()) {
                    probleem(waar + ", statustype " + positie, "geen object");
                    continue;
                }
                String code = tekst(node, "code", waar + ", statustype " + positie);
                String hier = waar + ", statustype '" + (code == null ? "#" + positie : code) + "'";
                int volgnummer = getal(node, "volgnummer", hier);
                String omschrijving = tekst(node, "omschrijving", hier);
                String groep = tekst(node, "groep", hier);
                boolean informeren = waarheid(node, "informeren", hier);
                String statustekst = tekst(node, "statustekst", hier);
                if (!volgnummers.add(volgnummer)) {
                    probleem(hier, "volgnummer " + volgnummer + " komt meer dan eens voor");
                }
                if (code != null && !codes.add(code)) {
                    probleem(hier, "code komt meer dan eens voor");
                }
                if (groep != null && !statusgroepen.contains(groep)) {
                    probleem(hier, "groep '" + groep + "' is geen van de statusgroepen " + statusgroepen);
                }
                statustypen.add(new Statustype(volgnummer, code, omschrijving, groep, informeren, statustekst));
            }
            if (positie == 0) {
                probleem(waar, "geen enkel statustype");
            }
            return statustypen;
        }
    }
}
