package nl.klantreis.replay.toon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.klantreis.Klantgeschiedenis;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisVraag;
import nl.klantreis.projecties.klantreis.KlantreizenAntwoord;
import nl.klantreis.projecties.klantreis.KlantreizenVraag;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import nl.klantreis.replay.commandoregel.Commandogroep;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A klantreis step by step, as a timeline in the terminal ({@link Tijdlijn}), now or as it was at a
 * moment on either time axis. {@code toon} and {@code van} also work directly under the tool
 * ({@code klantreis toon <id>}).
 */
@Command(name = "klantreis", mixinStandardHelpOptions = true,
        description = "Toont klantreizen als tijdlijn: stappen per kanaal, kanaalwissels en zaakstatussen.",
        subcommands = {KlantreisCommando.Toon.class, KlantreisCommando.Van.class, CommandLine.HelpCommand.class})
public final class KlantreisCommando extends Commandogroep {
    public KlantreisCommando() {
        super("toon of van");
    }

    @Command(name = "toon", mixinStandardHelpOptions = true, description = "Toont één klantreis als tijdlijn.")
    public static final class Toon extends Leescommando {
        @Parameters(index = "0", paramLabel = "<klantreisId>", description = "de id van de klantreis (UUID)")
        String klantreisId;

        @CommandLine.Mixin
        Peilingopties peiling = new Peilingopties();

        private KlantreisId id;

        @Override
        protected void controleer() {
            try {
                id = new KlantreisId(UUID.fromString(klantreisId));
            } catch (IllegalArgumentException e) {
                throw new VerkeerdGebruik("'" + klantreisId + "' is geen klantreisId (een UUID)");
            }
            peiling.lees();
        }

        @Override
        protected int voerUit(Engineverbinding verbinding) throws Exception {
            Instant peilmoment = peiling.peiling.moment();
            Tijdas as = peiling.peiling.tijdas();
            Optional<Klantreis> reis = verbinding.vragen().query(new KlantreisVraag(id, peilmoment, as),
                    ResponseTypes.optionalInstanceOf(Klantreis.class)).join();
            if (reis.isEmpty()) {
                fout().println("Klantreis " + klantreisId + " is onbekend (of had op " + tijd(peilmoment)
                        + " nog geen stappen).");
                return 1;
            }
            Tijdlijn tijdlijn = tijdlijn(verbinding, reis.get(), peilmoment, as);
            if (peiling.json) {
                json(velden("peilmoment", peilmoment, "tijdas", as.name().toLowerCase(), "klantreis", tijdlijn));
            } else {
                peiling.kop(uit());
                tijdlijn.schrijf(uit());
            }
            return 0;
        }

    }

    @Command(name = "van", mixinStandardHelpOptions = true, description = "Toont alle klantreizen van één burger.")
    public static final class Van extends Burgercommando {
        @Override
        int voerUitVoor(Engineverbinding verbinding, KlantId klant, Peilingopties peiling) throws Exception {
            Instant peilmoment = peiling.peiling.moment();
            Tijdas as = peiling.peiling.tijdas();
            KlantreizenAntwoord antwoord = verbinding.vragen().query(new KlantreizenVraag(klant, peilmoment, as),
                    KlantreizenAntwoord.class).join();
            List<Tijdlijn> tijdlijnen = new ArrayList<>();
            for (Klantreis reis : antwoord.klantreizen()) {
                tijdlijnen.add(tijdlijn(verbinding, reis, peilmoment, as));
            }
            if (peiling.json) {
                json(velden("peilmoment", peilmoment, "tijdas", as.name().toLowerCase(), "klantId", klant.waarde(),
                        "klantreizen", tijdlijnen));
                return 0;
            }
            peiling.kop(uit());
            if (tijdlijnen.isEmpty()) {
                uit().println("Geen klantreizen van klant " + klant.waarde() + ".");
                Optional<Instant> eerste = verbinding.vragen().query(new KlantreizenVraag(klant, Instant.now(),
                                Tijdas.GEBEURD), KlantreizenAntwoord.class).join().klantreizen().stream()
                        .map(Klantreis::gestartOp).min(Instant::compareTo);
                peiling.legLeegUit(uit(), verbinding, klant, eerste, "klantreizen", "zijn eerste klantreis begon");
            }
            for (int i = 0; i < tijdlijnen.size(); i++) {
                if (i > 0) {
                    uit().println();
                }
                tijdlijnen.get(i).schrijf(uit());
            }
            return 0;
        }
    }

    /** The klantreis with its zaak's statussen, as MijnZaken knew them at the same moment on the same axis. */
    static Tijdlijn tijdlijn(Engineverbinding verbinding, Klantreis reis, Instant peilmoment, Tijdas as) {
        Zaakdetail zaak = null;
        if (reis.thema().zaakId() != null) {
            zaak = verbinding.vragen().query(new ZaakdetailVraag(ZaakId.van(reis.thema().zaakId()), null, peilmoment, as),
                    ResponseTypes.optionalInstanceOf(Zaakdetail.class)).join().orElse(null);
        }
        return Tijdlijn.van(reis, zaak);
    }
}
