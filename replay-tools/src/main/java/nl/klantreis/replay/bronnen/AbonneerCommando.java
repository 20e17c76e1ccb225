package nl.klantreis.replay.bronnen;

import java.time.Clock;
import java.util.concurrent.Callable;

import nl.klantreis.bronnen.Abonnement;
import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.Bronfout;
import nl.klantreis.bronnen.Weg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Takes the engine's abonnement at Open Notificaties, once (docs/bronnen.md, step 4). */
@Command(name = "abonneer", mixinStandardHelpOptions = true,
        description = "Neemt het abonnement van de engine bij Open Notificaties (kanalen zaken en klantcontacten).")
final class AbonneerCommando implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Configuratieoptie configuratie;

    @Option(names = "--droog", description = "toon alleen het verzoek, verstuur niets (auth onleesbaar gemaakt)")
    boolean droog;

    @Override
    public Integer call() {
        Bronconfiguratie c;
        Abonnement abonnement;
        try {
            c = configuratie.lees();
            abonnement = new Abonnement(c, Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        if (droog) {
            var verzoek = abonnement.verzoek();
            verzoek.put("auth", "(" + verzoek.path("auth").asText().length() + " tekens)");
            spec.commandLine().getOut().println("POST " + c.notificaties().openNotificaties() + "/abonnement");
            spec.commandLine().getOut().println(verzoek.toPrettyString());
            return 0;
        }
        try {
            Abonnement.Uitslag uitslag = abonnement.registreer();
            spec.commandLine().getOut().println((uitslag.nieuw() ? "Abonnement genomen: " : "Er is al een abonnement voor "
                    + c.notificaties().callbackUrl() + ": ") + uitslag.url() + " (kanalen " + String.join(", ", uitslag.kanalen()) + ")");
            return 0;
        } catch (Bronfout | Weg e) {
            spec.commandLine().getErr().println("Mislukt: " + e.getMessage());
            return 1;
        }
    }
}
