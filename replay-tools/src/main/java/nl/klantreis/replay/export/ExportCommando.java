package nl.klantreis.replay.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.KlantreisLeesregels;
import nl.klantreis.projecties.klantreis.KlantreisWeergave;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Verslagopties;
import nl.klantreis.replay.commandoregel.Voortgangsteller;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: data out of the engine for analysis; for now the klantreizen. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exporteert gegevens van de engine voor analyse (alleen pseudoniemen).",
        subcommands = {ExportCommando.Klantreizen.class, CommandLine.HelpCommand.class})
public final class ExportCommando implements Callable<Integer> {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * {@code export klantreizen}: the klantreis read model, rendered at the peilmoment as the API
     * renders it ({@link KlantreisWeergave}), as two tables. Streams the read model over a cursor, one
     * klant at a time: memory does not grow with the number of klanten.
     */
    @Command(name = "klantreizen", mixinStandardHelpOptions = true,
            description = {"Eén rij per klantreis en één per stap, met alleen pseudoniemen: voor een spreadsheet, "
                    + "pandas of DuckDB.",
                    "Schrijft twee bestanden: <uit> (klantreizen) en <uit zonder extensie>.stappen.<extensie> (stappen).",
                    "De klantreizen die in [--van, --tot) begonnen (Europe/Amsterdam), zoals ze er op het "
                            + "peilmoment voor stonden."})
    static final class Klantreizen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Engineverbinding engine;

        @Option(names = "--van", description = "eerste dag waarop de klantreis begon (JJJJ-MM-DD); standaard: alle")
        LocalDate van;

        @Option(names = "--tot", description = "dag na de laatste (JJJJ-MM-DD, exclusief); standaard: alle")
        LocalDate tot;

        @Option(names = "--peilmoment", description = "RFC 3339-tijdstip waarop de klantreizen worden bekeken; standaard nu")
        String peilmoment;

        @Option(names = "--formaat", description = "csv, jsonl of parquet; standaard de extensie van --uit")
        String formaat;

        @Option(names = "--uit", required = true, description = "het bestand met de klantreizen")
        Path uit;

        @Mixin
        Verslagopties opties;

        @Override
        public Integer call() throws IOException {
            ExportSchrijver.Formaat soort = formaat(formaat, uit);
            if (soort == null) {
                return verkeerdGebruik("--formaat moet csv, jsonl of parquet zijn (of volgen uit de extensie van --uit)");
            }
            if (van != null && tot != null && !van.isBefore(tot)) {
                return verkeerdGebruik("--van (" + van + ") moet voor --tot (" + tot + ") liggen");
            }
            Instant peil;
            try {
                peil = peilmoment == null ? Instant.now() : OffsetDateTime.parse(peilmoment).toInstant();
            } catch (DateTimeParseException e) {
                return verkeerdGebruik("--peilmoment is geen RFC 3339-tijdstip met tijdzone: " + peilmoment);
            }
            Instant vanaf = van == null ? Instant.MIN : van.atStartOfDay(AMSTERDAM).toInstant();
            Instant totAan = tot == null ? Instant.MAX : tot.atStartOfDay(AMSTERDAM).toInstant();
            Path reizenBestand = uit.toAbsolutePath();
            Path stappenBestand = stappenBestand(reizenBestand, soort);
            if (reizenBestand.getParent() != null) {
                Files.createDirectories(reizenBestand.getParent());
            }
            PrintWriter fout = spec.commandLine().getErr();
            try (Engineverbinding verbinding = engine.start()) {
                Documentlezer<Klantdossier> lezer = new Documentlezer<>(verbinding.bean(Projectiebeheer.class),
                        KlantreisLeesregels.NAAM, verbinding.database());
                long klanten = opties.stil() ? 0 : lezer.aantal();
                AtomicLong reizen = new AtomicLong();
                AtomicLong stappen = new AtomicLong();
                long begin = System.nanoTime();
                try (ExportSchrijver<ExportRijen.Reisrij> reisSchrijver =
                             ExportSchrijver.naar(reizenBestand, soort, ExportRijen.KLANTREIZEN);
                     ExportSchrijver<ExportRijen.Staprij> stapSchrijver =
                             ExportSchrijver.naar(stappenBestand, soort, ExportRijen.STAPPEN);
                     Voortgangsteller voortgang = Voortgangsteller.start(fout, !opties.stil(), "klanten", klanten, false,
                             () -> "klantreizen " + Voortgangsteller.getal(reizen.get()) + ", stappen "
                                     + Voortgangsteller.getal(stappen.get()));
                     Stream<Klantdossier> dossiers = lezer.stroom()) {
                    Iterator<Klantdossier> volgende = dossiers.iterator();
                    while (volgende.hasNext()) {
                        Klantdossier dossier = volgende.next();
                        for (var reis : KlantreisWeergave.klantreizen(dossier, peil)) {
                            if (reis.gestartOp().isBefore(vanaf) || !reis.gestartOp().isBefore(totAan)) {
                                continue;
                            }
                            reisSchrijver.schrijf(ExportRijen.reisrij(dossier, reis));
                            reizen.incrementAndGet();
                            for (ExportRijen.Staprij stap : ExportRijen.staprijen(reis)) {
                                stapSchrijver.schrijf(stap);
                                stappen.incrementAndGet();
                            }
                        }
                        voortgang.tel(1);
                    }
                }
                // Measured after the writers closed: Parquet is written on close, and that time counts too.
                double totaal = Math.max((System.nanoTime() - begin) / 1e9, 1e-9);
                rapporteer(reizenBestand, stappenBestand, soort, peil, reizen.get(), stappen.get(), totaal);
            } catch (Engineverbinding.GeenDatabase e) {
                fout.println("export: " + e.getMessage());
                return 1;
            }
            return 0;
        }

        private void rapporteer(Path reizenBestand, Path stappenBestand, ExportSchrijver.Formaat soort, Instant peil,
                                long reizen, long stappen, double seconden) throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (opties.json()) {
                Map<String, Object> verslag = new LinkedHashMap<>();
                verslag.put("formaat", soort.extensie);
                verslag.put("klantreizen", Map.of("bestand", reizenBestand.toString(), "rijen", reizen));
                verslag.put("stappen", Map.of("bestand", stappenBestand.toString(), "rijen", stappen));
                verslag.put("van", van == null ? null : van.toString());
                verslag.put("tot", tot == null ? null : tot.toString());
                verslag.put("peilmoment", peil.toString());
                verslag.put("seconden", Math.round(seconden * 1000) / 1000.0);
                verslag.put("rijenPerSeconde", Math.round((reizen + stappen) / seconden));
                out.println(new ObjectMapper().writeValueAsString(verslag));
            } else {
                out.println(Voortgangsteller.getal(reizen) + " klantreizen naar " + reizenBestand);
                out.println(Voortgangsteller.getal(stappen) + " stappen naar " + stappenBestand);
                out.println("peilmoment " + peil + ", " + Voortgangsteller.getal(Math.round((reizen + stappen) / seconden))
                        + " rijen/s in " + Voortgangsteller.duur(seconden));
            }
            out.flush();
        }

        private int verkeerdGebruik(String uitleg) {
            spec.commandLine().getErr().println("export klantreizen: " + uitleg);
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    /** The format asked for, or else the one the file name's extension names; null when neither says. */
    static ExportSchrijver.Formaat formaat(String gevraagd, Path uit) {
        String naam = gevraagd != null ? gevraagd
                : uit.getFileName().toString().contains(".")
                        ? uit.getFileName().toString().substring(uit.getFileName().toString().lastIndexOf('.') + 1)
                        : "";
        for (ExportSchrijver.Formaat formaat : ExportSchrijver.Formaat.values()) {
            if (formaat.extensie.equals(naam.toLowerCase(Locale.ROOT))) {
                return formaat;
            }
        }
        return null;
    }

    /** {@code reizen.csv} gives {@code reizen.stappen.csv}; a name without extension gets one. */
    static Path stappenBestand(Path klantreizen, ExportSchrijver.Formaat formaat) {
        String naam = klantreizen.getFileName().toString();
        String zonder = naam.toLowerCase(Locale.ROOT).endsWith("." + formaat.extensie)
                ? naam.substring(0, naam.length() - formaat.extensie.length() - 1) : naam;
        return klantreizen.resolveSibling(zonder + ".stappen." + formaat.extensie);
    }

    static List<String> kolomnamen(List<? extends ExportRijen.Kolom<?>> kolommen) {
        return kolommen.stream().map(ExportRijen.Kolom::naam).toList();
    }
}
