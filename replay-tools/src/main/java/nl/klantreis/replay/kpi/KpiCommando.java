package nl.klantreis.replay.kpi;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The KPIs for a period as a table, or as the API's JSON: asked through the same query handler as
 * {@code GET /api/v1/kpi/{kpi}} ({@code KpiVragen}, on the same read models), so the figures are
 * the API's, and {@code --json} writes them with the same ObjectMapper.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = {"De KPI's over een periode als tabel, met dezelfde cijfers als de API.",
                "Zonder --kpi alle KPI's; --per geldt dan voor de KPI's die die uitsplitsing kennen."})
public final class KpiCommando implements Callable<Integer> {
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    Engineverbinding engine;

    @Option(names = "--van", required = true, description = "eerste dag van de periode (JJJJ-MM-DD)")
    LocalDate van;

    @Option(names = "--tot", required = true, description = "dag na de laatste (JJJJ-MM-DD, exclusief)")
    LocalDate tot;

    @Option(names = "--per", description = "uitsplitsing: kanaal of zaaktype")
    String per;

    @Option(names = "--peilmoment", description = "tijdstip waarop de KPI's worden berekend, zoals --alsop (een datum: "
            + "het eind van die dag); standaard nu")
    String peilmoment;

    @Option(names = "--kpi", description = "één KPI; standaard alle: ${COMPLETION-CANDIDATES}",
            completionCandidates = KpiCodes.class)
    String kpi;

    @Option(names = "--json", description = "de API-vorm (Kpi) als JSON: een object bij --kpi, anders een array")
    boolean json;

    /** The KPI codes for the help text. */
    static final class KpiCodes extends ArrayList<String> {
        KpiCodes() {
            super(Kpivraag.KPIS);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter fout = spec.commandLine().getErr();
        Instant peil;
        try {
            // Read as the API reads its peilmoment, so a figure from here and from there agree.
            peil = peilmoment == null ? Instant.now() : Tijdstipinvoer.moment(peilmoment);
        } catch (Tijdstipinvoer.Ongeldig e) {
            return verkeerdGebruik("--peilmoment: " + e.getMessage());
        }
        for (LocalDate datum : new LocalDate[] {van, tot}) {
            if (datum.isBefore(Tijdstipinvoer.EERSTE_DATUM) || datum.isAfter(Tijdstipinvoer.LAATSTE_DATUM)) {
                return verkeerdGebruik((datum == van ? "--van" : "--tot") + " moet van " + Tijdstipinvoer.EERSTE_DATUM
                        + " tot en met " + Tijdstipinvoer.LAATSTE_DATUM + " liggen");
            }
        }
        if (per != null && !per.equals(Kpivraag.PER_KANAAL) && !per.equals(Kpivraag.PER_ZAAKTYPE)) {
            return verkeerdGebruik("--per moet kanaal of zaaktype zijn");
        }
        List<Kpivraag> vragen = new ArrayList<>();
        List<String> zonderPer = new ArrayList<>();
        try {
            if (kpi != null) {
                vragen.add(new Kpivraag(kpi, van, tot, peil, per));
            } else {
                for (String code : Kpivraag.KPIS) {
                    vragen.add(vraag(code, peil, zonderPer));
                }
            }
        } catch (IllegalArgumentException e) {
            return verkeerdGebruik(e.getMessage().replace("parameter '", "--").replaceFirst("':", ":"));
        }
        List<Kpiuitkomst> uitkomsten = new ArrayList<>();
        try (Engineverbinding verbinding = engine.start()) {
            for (Kpivraag vraag : vragen) {
                uitkomsten.add(verbinding.vragen().query(vraag, instanceOf(Kpiuitkomst.class)).join());
            }
        } catch (Engineverbinding.GeenDatabase e) {
            fout.println("kpi: " + e.getMessage());
            return 1;
        }
        PrintWriter uit = spec.commandLine().getOut();
        if (json) {
            uit.println(JSON.writeValueAsString(kpi != null ? uitkomsten.get(0) : uitkomsten));
        } else {
            uit.print(KpiTabel.tabel(uitkomsten));
            if (!zonderPer.isEmpty()) {
                uit.println("Niet per " + per + " (kan niet bij deze KPI): " + String.join(", ", zonderPer));
            }
        }
        uit.flush();
        return 0;
    }

    /** All KPIs: the breakdown only where the KPI knows it, the rest whole (and said so). */
    private Kpivraag vraag(String code, Instant peil, List<String> zonderPer) {
        if (per == null) {
            return new Kpivraag(code, van, tot, peil, null);
        }
        try {
            return new Kpivraag(code, van, tot, peil, per);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith("parameter 'per'")) {
                throw e;
            }
            zonderPer.add(code);
            return new Kpivraag(code, van, tot, peil, null);
        }
    }

    private int verkeerdGebruik(String uitleg) {
        spec.commandLine().getErr().println("kpi: " + uitleg);
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
