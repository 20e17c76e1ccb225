package nl.klantreis.replay.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;
import nl.klantreis.infrastructuur.audit.Vergetenbetrokkene;
import nl.klantreis.replay.commandoregel.Commandogroep;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import nl.klantreis.replay.commandoregel.Voortgangsregel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit log: whether its hash chains are whole, and every processing of one person's data. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Controleert het auditlog en toont de verwerkingen van één betrokkene.",
        subcommands = {AuditCommando.Verifieer.class, AuditCommando.Betrokkene.class, CommandLine.HelpCommand.class})
public final class AuditCommando extends Commandogroep {
    public AuditCommando() {
        super("verifieer of betrokkene");
    }

    @Command(name = "verifieer", mixinStandardHelpOptions = true,
            description = {"Controleert de hele hashketen van het auditlog en noemt de eerste breuk.",
                    "Beide ketens (verwerking en gebruikersaudit) worden herberekend.",
                    "Exitcode 0: intact; 1: de eerste breuk wordt genoemd."})
    static final class Verifieer extends Leescommando {
        @Option(names = "--json", description = "het rapport als JSON (zoals GET /api/v1/audit/integriteit)")
        boolean json;

        @Option(names = "--voortgang", description = "de voortgangsregel ook tonen als het controleren snel gaat"
                + " (anders pas na een seconde)")
        boolean voortgang;

        @Override
        protected int voerUit(Engineverbinding verbinding) throws Exception {
            // Walking a long log takes a while: progress on stderr, so --json output stays clean.
            Voortgangsregel regel = new Voortgangsregel(fout(), "auditketen", "records", voortgang);
            long[] laatst = {0};
            Integriteitsrapport rapport = new Integriteitscontrole(verbinding.database()).controleer((gedaan, totaal) -> {
                laatst[0] = gedaan;
                regel.toon(gedaan, totaal);
            });
            regel.klaar(laatst[0]);
            if (json) {
                json(rapport);
            } else {
                for (Integriteitsrapport.Keten keten : rapport.ketens()) {
                    uit().println(String.format("%-16s %8d records, kop volgnummer %d, laatste hash %s: %s",
                            Integriteitscontrole.sleutel(keten), keten.records(), keten.volgnummer(), keten.laatsteHash(),
                            keten.intact() ? "intact" : "GEBROKEN"));
                }
                if (rapport.intact()) {
                    uit().println("Auditlog intact: " + rapport.records() + " records gecontroleerd.");
                } else {
                    Integriteitsrapport.Breuk breuk = rapport.eersteBreuk();
                    uit().println("Auditlog NIET intact. Eerste breuk: " + Integriteitscontrole.sleutel(breuk.tabel(),
                            breuk.keten()) + " volgnummer "
                            + breuk.volgnummer() + " (" + breuk.reden() + ").");
                }
            }
            return rapport.intact() ? 0 : 1;
        }
    }

    @Command(name = "betrokkene", mixinStandardHelpOptions = true,
            description = "Toont elke verwerking van de gegevens van één persoon, oudste eerst, met wie ze deed.")
    static final class Betrokkene extends Leescommando {
        @Option(names = "--bsn", required = true, paramLabel = "<nummer>",
                description = "het BSN van de betrokkene (wordt meteen een pseudoniem en nooit getoond)")
        String bsn;

        @Option(names = "--json", description = "JSON voor scripts")
        boolean json;

        @Override
        protected void controleer() {
            controleerBsn(bsn);
        }

        @Override
        protected int voerUit(Engineverbinding verbinding) throws Exception {
            KlantId betrokkene = klantVan(bsn, verbinding);
            bsn = null;
            // The user-audit record of the same trace and span says who acted (as the engine's Auditvragen joins it).
            List<Verwerking> verwerkingen = verbinding.jdbc().query("select v.volgnummer, v.trace_id, v.span_id,"
                    + " v.tijdstip, v.activiteit, v.doel, v.grondslag, v.resultaat, g.actor, g.rol, g.organisatieonderdeel"
                    + " from verwerking v left join lateral (select g.actor, g.rol, g.organisatieonderdeel"
                    + " from gebruikersaudit g where g.trace_id = v.trace_id and g.span_id = v.span_id"
                    + " order by (g.activiteit = v.activiteit) desc, g.volgnummer limit 1) g on true"
                    + " where v.betrokkene = ? and " + Vergetenbetrokkene.sindsLaatsteVergeten("v", "?")
                    + " order by v.tijdstip, v.volgnummer",
                    (rij, nr) -> new Verwerking(rij.getLong("volgnummer"),
                            rij.getObject("tijdstip", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            rij.getString("activiteit"), rij.getString("doel"), rij.getString("grondslag"),
                            rij.getString("resultaat"), rij.getString("actor"), rij.getString("rol"),
                            rij.getString("organisatieonderdeel"), rij.getString("trace_id"), rij.getString("span_id")),
                    betrokkene.waarde(), betrokkene.waarde());
            if (json) {
                json(velden("betrokkene", betrokkene.waarde(), "verwerkingen", verwerkingen));
                return 0;
            }
            uit().println("Verwerkingen van de gegevens van klant " + betrokkene.waarde() + " (" + verwerkingen.size()
                    + ", tijden in Europe/Amsterdam):");
            for (Verwerking v : verwerkingen) {
                uit().println(String.format("  %s  %-28s doel %-24s grondslag %-20s %-10s door %s%s%s  trace %s",
                        tijd(v.tijdstip().toInstant()), v.activiteit(), v.doel(), v.grondslag(), v.resultaat(),
                        v.actor() == null ? "systeem" : v.actor(), v.rol() == null ? "" : " (" + v.rol() + ")",
                        v.organisatieonderdeel() == null ? "" : ", " + v.organisatieonderdeel(), v.traceId()));
            }
            return 0;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verwerking(long volgnummer, OffsetDateTime tijdstip, String activiteit, String doel, String grondslag,
                      String resultaat, String actor, String rol, String organisatieonderdeel, String traceId,
                      String spanId) {
    }
}
