package nl.klantreis.replay.toon;

import java.time.Instant;
import java.util.Optional;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.mijnzaken.MijnZakenAntwoord;
import nl.klantreis.projecties.mijnzaken.MijnZakenVraag;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;
import nl.klantreis.replay.commandoregel.Commandogroep;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What a burger's MijnZaken page showed at a moment: the same query the portal's API answers. */
@Command(name = "mijnzaken", mixinStandardHelpOptions = true,
        description = "Toont wat MijnZaken van een burger liet zien.",
        subcommands = {MijnzakenCommando.Toon.class, CommandLine.HelpCommand.class})
public final class MijnzakenCommando extends Commandogroep {
    public MijnzakenCommando() {
        super("toon");
    }

    @Command(name = "toon", mixinStandardHelpOptions = true,
            description = "Toont de zaken op de MijnZaken-pagina van één burger, nu of zoals toen.")
    static final class Toon extends Burgercommando {
        @Override
        int voerUitVoor(Engineverbinding verbinding, KlantId burger, Peilingopties peiling) throws Exception {
            Instant peilmoment = peiling.peiling.moment();
            Tijdas as = peiling.peiling.tijdas();
            MijnZakenAntwoord antwoord = verbinding.vragen().query(new MijnZakenVraag(burger, peilmoment, as),
                    MijnZakenAntwoord.class).join();
            if (peiling.json) {
                json(velden("peilmoment", peilmoment, "tijdas", as.name().toLowerCase(), "zaken", antwoord.zaken()));
                return 0;
            }
            uit().println("MijnZaken van klant " + burger.waarde() + ", " + (as == Tijdas.BEKEND ? "zoals bekend" : "zoals gebeurd")
                    + " op " + tijd(peilmoment) + " (Europe/Amsterdam)");
            if (antwoord.zaken().isEmpty()) {
                uit().println("  geen zaken");
                if (peiling.alsOp != null) {
                    // His zaken as they are now say when the first one began on the gebeurd axis.
                    Optional<Instant> eerste = verbinding.vragen().query(new MijnZakenVraag(burger, Instant.now(),
                                    Tijdas.GEBEURD), MijnZakenAntwoord.class).join().zaken().stream()
                            .map(Zaakkaart::status).filter(java.util.Objects::nonNull).map(Zaakkaart.Status::gezetOp)
                            .filter(java.util.Objects::nonNull).min(Instant::compareTo);
                    peiling.legLeegUit(uit(), verbinding, burger, eerste, "zaken", "zijn eerste zaak kreeg een status");
                }
            }
            for (Zaakkaart kaart : antwoord.zaken()) {
                schrijf(kaart);
            }
            return 0;
        }

        private void schrijf(Zaakkaart kaart) {
            uit().println();
            uit().println("  " + kaart.identificatie() + "  " + kaart.zaaktype()
                    + (kaart.omschrijving() != null ? "  \"" + kaart.omschrijving() + "\"" : ""));
            Zaakkaart.Status status = kaart.status();
            if (status == null) {
                uit().println("    status:               nog geen");
            } else {
                String stap = status.stap() == null ? "" : " (stap " + status.stap() + " van " + status.vanStappen() + ")";
                uit().println("    status:               " + (status.omschrijving() != null ? status.omschrijving() : status.groep())
                        + stap + (status.gezetOp() != null ? ", sinds " + tijd(status.gezetOp()) : ""));
                if (status.tekst() != null) {
                    uit().println("                          " + status.tekst());
                }
            }
            if (kaart.beslissingUiterlijk() != null) {
                uit().println("    beslissing uiterlijk: " + kaart.beslissingUiterlijk()
                        + (Boolean.TRUE.equals(kaart.opgeschort()) ? " (opgeschort)" : ""));
            }
            if (kaart.afgesloten() != null) {
                uit().println("    afgesloten:           " + tijd(kaart.afgesloten().op()) + ", " + kaart.afgesloten().resultaat());
            } else if (kaart.volgendeStap() != null) {
                uit().println("    volgende stap:        " + kaart.volgendeStap().omschrijving());
            }
            uit().println("    zaak " + kaart.zaakId() + ", laatst gewijzigd " + tijd(kaart.laatstGewijzigd()));
        }
    }
}
