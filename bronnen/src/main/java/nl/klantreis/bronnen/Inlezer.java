package nl.klantreis.bronnen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backfill: walks Open Zaak's {@code /zaken} (paged, per mapped zaaktype, by registratiedatum) and Open Klant's
 * {@code /klantcontacten} (paged; Open Klant has no date filter, so the period is applied here) and queues a melding
 * per zaak and klantcontact, so that history goes the very same way as a notification: the engine's workers read
 * each one and the ingestion deduplicates what it already has. Zaken of zaaktypen without a mapping are counted,
 * not queued: a municipality's Open Zaak holds many zaaktypen the engine has no business with.
 */
public final class Inlezer {

    /** Where the walk puts what it finds: the queue ({@code Meldingenopslag}). */
    @FunctionalInterface
    public interface Wachtrij {
        /** @return true when queued, false when a melding for that URL was already waiting */
        boolean zetKlaar(Melding.Soort soort, String url);
    }

    /**
     * @param gevonden         resources found in the period
     * @param klaargezet       meldingen queued
     * @param alWachtend       found but already waiting in the queue
     * @param ongekoppeld      zaken skipped because their zaaktype has no mapping, per zaaktype URL
     * @param verzoeken        HTTP requests sent to the source
     */
    public record Verslag(long gevonden, long klaargezet, long alWachtend, Map<String, Long> ongekoppeld, long verzoeken) {
    }

    private final Bronconfiguratie configuratie;
    private final Clock klok;

    public Inlezer(Bronconfiguratie configuratie, Clock klok) {
        this.configuratie = configuratie;
        this.klok = klok;
    }

    /**
     * @param vanaf      first registratiedatum (inclusive); null: from the start
     * @param tot        last registratiedatum (exclusive); null: up to now
     * @param voortgang  told the number found so far, after every page
     */
    public Verslag zaken(LocalDate vanaf, LocalDate tot, Wachtrij wachtrij, LongConsumer voortgang) throws Bronfout, Weg {
        Bronconfiguratie.OpenZaak oz = configuratie.openZaak();
        if (oz == null) {
            throw new IllegalStateException("openZaak staat niet in de bronconfiguratie");
        }
        Bronclient client = Zaaksynchronisatie.client(configuratie, klok);
        StringBuilder filter = new StringBuilder("?ordering=registratiedatum");
        if (vanaf != null) {
            // The Zaken API offers registratiedatum__gt, not __gte.
            filter.append("&registratiedatum__gt=").append(vanaf.minusDays(1));
        }
        if (tot != null) {
            filter.append("&registratiedatum__lt=").append(tot);
        }
        Teller teller = new Teller();
        Map<String, Long> ongekoppeld = new LinkedHashMap<>();
        Map<String, Boolean> gekoppeld = new HashMap<>();
        List<String> zaaktypeUrls = configuratie.zaaktypen().stream().map(Bronconfiguratie.Zaaktypekoppeling::url).toList();
        if (zaaktypeUrls.stream().allMatch(u -> u != null)) {
            // Every mapping names its zaaktype by URL: ask Open Zaak for exactly those zaken.
            for (String zaaktype : zaaktypeUrls) {
                loop(client, oz.zakenApi() + "/zaken" + filter + "&zaaktype=" + parameter(zaaktype), zaak -> true,
                        Melding.Soort.ZAAK, wachtrij, teller, voortgang);
            }
        } else {
            // Some mappings name a zaaktype by identificatie (all its versions): walk every zaak and look its type up.
            loop(client, oz.zakenApi() + "/zaken" + filter, zaak -> {
                String zaaktype = Zaaksynchronisatie.tekst(zaak, "zaaktype");
                Boolean bekend = gekoppeld.get(zaaktype);
                if (bekend == null) {
                    String identificatie = Zaaksynchronisatie.tekst(client.haal(zaaktype), "identificatie");
                    bekend = configuratie.koppeling(zaaktype, identificatie).isPresent();
                    gekoppeld.put(zaaktype, bekend);
                }
                if (!bekend) {
                    ongekoppeld.merge(zaaktype, 1L, Long::sum);
                }
                return bekend;
            }, Melding.Soort.ZAAK, wachtrij, teller, voortgang);
        }
        return new Verslag(teller.gevonden, teller.klaargezet, teller.alWachtend, ongekoppeld, client.verzoeken());
    }

    /**
     * @param vanaf  first day of {@code plaatsgevondenOp} (inclusive, Dutch time); null: from the start
     * @param tot    day after the last (exclusive); null: up to now
     */
    public Verslag klantcontacten(LocalDate vanaf, LocalDate tot, Wachtrij wachtrij, LongConsumer voortgang)
            throws Bronfout, Weg {
        Bronconfiguratie.OpenKlant ok = configuratie.openKlant();
        if (ok == null) {
            throw new IllegalStateException("openKlant staat niet in de bronconfiguratie");
        }
        Bronclient client = Klantcontactsynchronisatie.client(configuratie, klok);
        Teller teller = new Teller();
        loop(client, ok.klantinteractiesApi() + "/klantcontacten", contact -> {
            Optional<LocalDate> dag = dag(Zaaksynchronisatie.tekst(contact, "plaatsgevondenOp"));
            return (vanaf == null || dag.map(d -> !d.isBefore(vanaf)).orElse(true))
                    && (tot == null || dag.map(d -> d.isBefore(tot)).orElse(true));
        }, Melding.Soort.KLANTCONTACT, wachtrij, teller, voortgang);
        return new Verslag(teller.gevonden, teller.klaargezet, teller.alWachtend, Map.of(), client.verzoeken());
    }

    @FunctionalInterface
    private interface Keuze {
        boolean neem(JsonNode resource) throws Bronfout, Weg;
    }

    private static final class Teller {
        long gevonden;
        long klaargezet;
        long alWachtend;
    }

    /** Page by page (not the whole list in memory: a city has hundreds of thousands of zaken). */
    private static void loop(Bronclient client, String eerste, Keuze keuze, Melding.Soort soort, Wachtrij wachtrij,
                             Teller teller, LongConsumer voortgang) throws Bronfout, Weg {
        String volgende = eerste;
        List<String> gezien = new ArrayList<>();
        while (volgende != null) {
            if (gezien.contains(volgende)) {
                throw new Bronfout("de lijst " + eerste + " verwijst in een kring naar zichzelf", false);
            }
            gezien.add(volgende);
            if (gezien.size() > 3) {
                gezien.remove(0);
            }
            JsonNode pagina = client.haal(volgende);
            JsonNode resultaten = pagina.path("results");
            if (!resultaten.isArray()) {
                throw new Bronfout(volgende + " geeft geen lijst (geen results)", false);
            }
            for (JsonNode resource : resultaten) {
                String url = Zaaksynchronisatie.tekst(resource, "url");
                if (url == null || !keuze.neem(resource)) {
                    continue;
                }
                teller.gevonden++;
                if (wachtrij.zetKlaar(soort, url)) {
                    teller.klaargezet++;
                } else {
                    teller.alWachtend++;
                }
            }
            voortgang.accept(teller.gevonden);
            JsonNode next = pagina.path("next");
            volgende = next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
        }
    }

    private static Optional<LocalDate> dag(String moment) {
        try {
            return moment == null ? Optional.empty()
                    : Optional.of(OffsetDateTime.parse(moment).atZoneSameInstant(java.time.ZoneId.of("Europe/Amsterdam"))
                    .toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String parameter(String waarde) {
        return URLEncoder.encode(waarde, StandardCharsets.UTF_8);
    }
}
