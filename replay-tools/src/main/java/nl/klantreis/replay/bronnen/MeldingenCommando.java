package nl.klantreis.replay.bronnen;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The queue of source meldingen: the count per state, and the meldingen of one state with their reasons. */
@Command(name = "meldingen", mixinStandardHelpOptions = true,
        description = "Toont de wachtrij van bronmeldingen: aantallen per toestand, en de meldingen van een toestand"
                + " met hun reden (standaard de dode letters).")
final class MeldingenCommando extends Leescommando {
    @Option(names = "--toestand", defaultValue = "dood",
            description = "wachtend, verwerkt, weg, ongekoppeld, geweigerd, dood of genegeerd; standaard ${DEFAULT-VALUE}")
    String toestand;

    @Option(names = "--aantal", defaultValue = "50", description = "hoeveel meldingen ten hoogste; standaard ${DEFAULT-VALUE}")
    int aantal;

    @Option(names = "--na", defaultValue = "0", description = "alleen meldingen met een id hoger dan dit (bladeren)")
    long naId;

    @Option(names = "--json", description = "als JSON")
    boolean alsJson;

    private Toestand gekozen;

    @Override
    protected void controleer() {
        try {
            gekozen = Toestand.van(toestand);
        } catch (IllegalArgumentException e) {
            throw new VerkeerdGebruik("--toestand '" + (toestand.length() > 30 ? toestand.substring(0, 30) : toestand)
                    + "' bestaat niet; kies uit wachtend, verwerkt, weg, ongekoppeld, geweigerd, dood, genegeerd");
        }
        if (aantal < 1 || aantal > 10_000) {
            throw new VerkeerdGebruik("--aantal ligt tussen 1 en 10000");
        }
    }

    @Override
    protected int voerUit(Engineverbinding verbinding) throws Exception {
        Meldingenopslag opslag = new Meldingenopslag(verbinding.database(), Clock.systemUTC());
        Map<Toestand, Long> telling = opslag.telling();
        // One more than asked: the hint to the next page only when there is one.
        List<Meldingenopslag.Regel> regels = opslag.lijst(gekozen, naId, aantal + 1);
        boolean meer = regels.size() > aantal;
        if (meer) {
            regels = regels.subList(0, aantal);
        }
        if (alsJson) {
            List<Map<String, Object>> lijst = new ArrayList<>();
            for (Meldingenopslag.Regel r : regels) {
                lijst.add(velden("id", r.melding().id(), "soort", r.melding().soort().code(), "url", r.melding().url(),
                        "kanaal", r.melding().kanaal(), "resource", r.melding().resource(), "actie", r.melding().actie(),
                        "pogingen", r.melding().pogingen(), "ontvangenOp", r.ontvangenOp(), "afgehandeldOp", r.afgehandeldOp(),
                        "reden", r.reden()));
            }
            Map<String, Long> aantallen = new java.util.LinkedHashMap<>();
            telling.forEach((t, n) -> aantallen.put(t.code(), n));
            json(velden("telling", aantallen, "oudsteWachtendeSeconden", opslag.oudsteWachtende().toSeconds(),
                    "toestand", gekozen.code(), "meldingen", lijst,
                    "volgendeNa", meer ? regels.get(regels.size() - 1).melding().id() : null));
            return 0;
        }
        StringBuilder kop = new StringBuilder();
        telling.forEach((t, n) -> kop.append(kop.length() == 0 ? "" : ", ").append(t.code()).append(' ').append(n));
        uit().println("Meldingen: " + kop + "; oudste wachtende " + opslag.oudsteWachtende().toSeconds() + " s");
        if (regels.isEmpty()) {
            uit().println("Geen meldingen in toestand " + gekozen.code() + (naId > 0 ? " na id " + naId : "") + ".");
            return 0;
        }
        for (Meldingenopslag.Regel r : regels) {
            uit().printf("%d  %s  %s  %s %s/%s  pogingen %d  ontvangen %s%n", r.melding().id(), gekozen.code(),
                    r.melding().soort().code(), r.melding().url(), r.melding().resource(), r.melding().actie(),
                    r.melding().pogingen(), tijd(r.ontvangenOp()));
            if (r.reden() != null) {
                uit().println("    reden: " + r.reden());
            }
        }
        if (meer) {
            uit().println("(meer met --na " + regels.get(regels.size() - 1).melding().id() + ")");
        }
        return 0;
    }
}
