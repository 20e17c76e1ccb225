package nl.klantreis.replay.bronnen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.Bronfout;
import nl.klantreis.bronnen.Inlezer;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Weg;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The backfill (docs/bronnen.md, step 5): walks Open Zaak's zaken and Open Klant's klantcontacten and queues one
 * melding per resource in the engine's database; the engine's workers read them as after a notification.
 */
@Command(name = "inlezen", mixinStandardHelpOptions = true,
        description = "Leest de geschiedenis in: zet een melding klaar per zaak (Open Zaak) en klantcontact (Open Klant);"
                + " de engine leest ze daarna zoals na een notificatie.")
final class InlezenCommando extends Leescommando {
    @Mixin
    Configuratieoptie configuratie;

    @Option(names = "--vanaf", description = "eerste dag (registratiedatum van de zaak, dag van het klantcontact), bijv. 2024-01-01")
    String vanaf;

    @Option(names = "--tot", description = "dag na de laatste (niet inbegrepen)")
    String tot;

    @Option(names = "--alleen", description = "zaken of klantcontacten; standaard beide (wat is ingesteld)")
    String alleen;

    @Option(names = "--json", description = "de uitkomst als JSON")
    boolean alsJson;

    private Bronconfiguratie bronnen;
    private LocalDate van;
    private LocalDate totDag;

    @Override
    protected void controleer() {
        if (alleen != null && !List.of("zaken", "klantcontacten").contains(alleen)) {
            throw new Leescommando.VerkeerdGebruik("--alleen is zaken of klantcontacten");
        }
        van = dag(vanaf, "--vanaf");
        totDag = dag(tot, "--tot");
        if (van != null && totDag != null && !van.isBefore(totDag)) {
            throw new Leescommando.VerkeerdGebruik("--vanaf ligt niet voor --tot");
        }
        try {
            bronnen = configuratie.lees();
        } catch (IllegalArgumentException | Bronconfiguratie.Ongeldig e) {
            throw new Leescommando.VerkeerdGebruik(e.getMessage());
        }
        if ("zaken".equals(alleen) && bronnen.openZaak() == null
                || "klantcontacten".equals(alleen) && bronnen.openKlant() == null) {
            throw new Leescommando.VerkeerdGebruik("--alleen " + alleen + ": die bron staat niet in de bronconfiguratie");
        }
    }

    @Override
    protected int voerUit(Engineverbinding verbinding) throws Exception {
        Meldingenopslag opslag = new Meldingenopslag(verbinding.database(), Clock.systemUTC());
        Inlezer inlezer = new Inlezer(bronnen, Clock.systemUTC());
        Inlezer.Wachtrij wachtrij = (soort, url) -> opslag.voegInleesmeldingToe(soort, url) == Meldingenopslag.Toevoeging.OPGESLAGEN;
        List<Map<String, Object>> uitkomsten = new ArrayList<>();
        try {
            if (bronnen.openZaak() != null && !"klantcontacten".equals(alleen)) {
                Inlezer.Verslag verslag = inlezer.zaken(van, totDag, wachtrij, n -> voortgang("zaken", n));
                uitkomsten.add(verslag("zaken", verslag));
            }
            if (bronnen.openKlant() != null && !"zaken".equals(alleen)) {
                volgendeVoortgang = 1000;
                Inlezer.Verslag verslag = inlezer.klantcontacten(van, totDag, wachtrij, n -> voortgang("klantcontacten", n));
                uitkomsten.add(verslag("klantcontacten", verslag));
            }
        } catch (Bronfout | Weg e) {
            fout().println("Mislukt: " + e.getMessage() + "; wat al klaargezet is blijft staan, opnieuw inlezen is veilig");
            return 1;
        }
        if (alsJson) {
            json(uitkomsten);
            return 0;
        }
        for (Map<String, Object> u : uitkomsten) {
            uit().printf("%s: %d gevonden, %d klaargezet, %d wachtten al (%d verzoeken aan de bron)%n", u.get("bron"),
                    (Long) u.get("gevonden"), (Long) u.get("klaargezet"), (Long) u.get("alWachtend"), (Long) u.get("verzoeken"));
            @SuppressWarnings("unchecked")
            Map<String, Long> ongekoppeld = (Map<String, Long>) u.get("ongekoppeld");
            ongekoppeld.forEach((zaaktype, aantal) -> uit().printf("  overgeslagen: %d zaken van zaaktype %s (niet gekoppeld)%n",
                    aantal, zaaktype));
        }
        uit().println("De engine leest de klaargezette meldingen nu; volg het met 'klantreis bronnen meldingen' of de metriek"
                + " klantreis_bronnen_wachtrij.");
        return 0;
    }

    private long volgendeVoortgang = 1000;

    /** A line on stderr per thousand found, so a long walk shows it is alive without filling the screen. */
    private void voortgang(String wat, long gevonden) {
        if (!alsJson && gevonden >= volgendeVoortgang) {
            fout().printf("%s: %d gevonden%n", wat, gevonden);
            fout().flush();
            volgendeVoortgang = (gevonden / 1000 + 1) * 1000;
        }
    }

    private static Map<String, Object> verslag(String bron, Inlezer.Verslag v) {
        return velden("bron", bron, "gevonden", v.gevonden(), "klaargezet", v.klaargezet(), "alWachtend", v.alWachtend(),
                "ongekoppeld", v.ongekoppeld(), "verzoeken", v.verzoeken());
    }

    private static LocalDate dag(String tekst, String optie) {
        if (tekst == null) {
            return null;
        }
        try {
            return LocalDate.parse(tekst);
        } catch (DateTimeParseException e) {
            throw new Leescommando.VerkeerdGebruik(optie + " '" + (tekst.length() > 40 ? tekst.substring(0, 40) + "…" : tekst)
                    + "' is geen datum (JJJJ-MM-DD)");
        }
    }
}
