package nl.klantreis.replay.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.domein.zaak.Opschorting;
import nl.klantreis.domein.zaak.UiterlijkeEinddatum;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenLeesregels;
import nl.klantreis.projecties.mijnzaken.Zaakdossier;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import nl.klantreis.replay.commandoregel.Voortgangsregel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What if a zaaktype had had another servicenorm: binnen-servicenorm and the beslissing-uiterlijk
 * dates recomputed over history (KLANTREIS-EN-KPI.md §3 and §4) from the zaken in the MijnZaken read
 * model, with only the servicenorm changed. Reads only: no event and no view is touched.
 *
 * <p>The servicenorm counts only where it counted before: a zaak that was sent with its own
 * uiterlijkeEinddatum keeps it. The "huidig" figures use the servicenorm frozen at each zaak's
 * registration, as MijnZaken and the KPIs do.
 */
@Command(name = "wat-als", mixinStandardHelpOptions = true,
        description = {"Herberekent binnen-servicenorm en 'beslissing uiterlijk' met een andere servicenorm.",
                "Over de hele historie, zonder de events of de leesmodellen aan te raken."})
public final class WatAlsCommando extends Leescommando {
    @Option(names = "--servicenorm", required = true, paramLabel = "<zaaktype>=<dagen>",
            description = "de andere servicenorm van een zaaktype in kalenderdagen; herhaalbaar")
    Map<String, Integer> servicenormen = new LinkedHashMap<>();

    @Option(names = "--alsop", paramLabel = "<tijd>",
            description = "peilmoment (zoals bij klantreis toon); standaard nu")
    String alsOp;

    @Option(names = "--per-zaak", description = "ook elke zaak met zijn twee datums tonen")
    boolean perZaak;

    @Option(names = "--json", description = "JSON voor scripts")
    boolean json;

    private Instant peilmoment;

    @Override
    protected void controleer() {
        servicenormen.forEach((zaaktype, dagen) -> {
            if (dagen == null || dagen < 0) {
                throw new VerkeerdGebruik("--servicenorm " + zaaktype + ": het aantal dagen is 0 of meer");
            }
        });
        peilmoment = moment(alsOp);
    }

    @Override
    protected int voerUit(Engineverbinding verbinding) throws Exception {
        Catalogus catalogus = verbinding.bean(Catalogus.class);
        for (String zaaktype : servicenormen.keySet()) {
            if (catalogus.zaaktype(zaaktype).isEmpty()) {
                throw new VerkeerdGebruik("onbekend zaaktype '" + zaaktype + "'; bekend zijn "
                        + catalogus.alle().stream().map(Zaaktype::code).toList());
            }
        }
        Documentlezer<Zaakdossier> dossiers = new Documentlezer<>(verbinding.bean(Projectiebeheer.class),
                MijnZakenLeesregels.NAAM, verbinding.database());
        Map<String, Telling> tellingen = new TreeMap<>();
        servicenormen.forEach((zaaktype, dagen) -> tellingen.put(zaaktype, new Telling(zaaktype, dagen)));
        long totaal = dossiers.aantal();
        Voortgangsregel regel = new Voortgangsregel(fout(), "zaken", "zaken", false);
        long gelezen = 0;
        try (Stream<Zaakdossier> stroom = dossiers.stroom()) {
            for (Zaakdossier dossier : (Iterable<Zaakdossier>) stroom::iterator) {
                gelezen++;
                regel.toon(gelezen, totaal);
                Zaakdossier.Registratie registratie = dossier.registratie();
                if (registratie == null || registratie.geregistreerdOp().isAfter(peilmoment)) {
                    continue;
                }
                Telling telling = tellingen.get(registratie.zaaktype());
                if (telling != null) {
                    telling.tel(herbereken(dossier, catalogus, telling.servicenormNieuw));
                }
            }
        }
        regel.klaar(totaal);
        List<Telling> uitkomst = new ArrayList<>(tellingen.values());
        if (json) {
            json(new Antwoord(peilmoment, uitkomst.stream().map(t -> t.alsJson(perZaak)).toList()));
            return 0;
        }
        uit().println("Wat als, peilmoment " + tijd(peilmoment) + " (Europe/Amsterdam); events en leesmodellen ongewijzigd.");
        for (Telling t : uitkomst) {
            uit().println();
            uit().println(t.zaaktype + ": servicenorm " + t.servicenormenHuidig() + " -> " + t.servicenormNieuw + " dagen");
            uit().println(String.format("  binnen-servicenorm  huidig %d/%d = %s   wat-als %d/%d = %s", t.binnenHuidig,
                    t.gesloten, ratio(t.binnenHuidig, t.gesloten), t.binnenNieuw, t.gesloten, ratio(t.binnenNieuw, t.gesloten)));
            uit().println("  beslissing uiterlijk verschuift bij " + t.verschoven + " van " + t.zaken.size()
                    + " zaken (" + t.open + " nog open); " + t.metOpgegevenDatum + " met een opgegeven einddatum blijven gelijk");
            if (perZaak) {
                for (Zaak z : t.zaken) {
                    uit().println(String.format("    %-20s %s -> %s  %s", z.identificatie(), z.beslissingUiterlijkHuidig(),
                            z.beslissingUiterlijkNieuw(), z.afgeslotenOp() == null ? "open"
                                    : "afgesloten " + Tijd.datum(z.afgeslotenOp()) + (z.binnenHuidig() ? " binnen" : " buiten")
                                    + " -> " + (z.binnenNieuw() ? "binnen" : "buiten")));
                }
            }
        }
        return 0;
    }

    /** One zaak under its own servicenorm and under the other one, as at the peilmoment. */
    private Zaak herbereken(Zaakdossier dossier, Catalogus catalogus, int servicenormNieuw) {
        Zaakdossier.Registratie registratie = dossier.registratie();
        Integer servicenormHuidig = registratie.regels() != null ? Integer.valueOf(registratie.regels().servicenormDagen())
                : catalogus.zaaktype(registratie.zaaktype()).map(Zaaktype::servicenormDagen).orElse(null);
        Instant afgeslotenOp = dossier.afsluiting() != null && !dossier.afsluiting().afgeslotenOp().isAfter(peilmoment)
                ? dossier.afsluiting().afgeslotenOp() : null;
        List<Opschorting> opschortingen = Opschorting.paren(
                dossier.opschortingen().stream().map(Zaakdossier.Moment::op).filter(op -> !op.isAfter(peilmoment)).toList(),
                dossier.hervattingen().stream().map(Zaakdossier.Moment::op).filter(op -> !op.isAfter(peilmoment)).toList());
        List<Integer> verlengingen = dossier.verlengingen().stream().filter(v -> !v.verlengdOp().isAfter(peilmoment))
                .map(Zaakdossier.Verlenging::duurDagen).toList();
        // A running opschorting counts up to the peildatum, or up to the closing date once closed (as MijnZaken).
        LocalDate tot = Tijd.datum(peilmoment);
        if (afgeslotenOp != null && Tijd.datum(afgeslotenOp).isBefore(tot)) {
            tot = Tijd.datum(afgeslotenOp);
        }
        LocalDate opgegeven = registratie.opgegevenUiterlijkeEinddatum();
        LocalDate huidig = opgegeven == null && servicenormHuidig == null ? null
                : UiterlijkeEinddatum.bereken(UiterlijkeEinddatum.basis(registratie.geregistreerdOp(), opgegeven,
                        servicenormHuidig == null ? 0 : servicenormHuidig), verlengingen, opschortingen, tot).datum();
        LocalDate nieuw = UiterlijkeEinddatum.bereken(UiterlijkeEinddatum.basis(registratie.geregistreerdOp(), opgegeven,
                servicenormNieuw), verlengingen, opschortingen, tot).datum();
        Boolean binnenHuidig = afgeslotenOp == null || huidig == null ? null : !Tijd.datum(afgeslotenOp).isAfter(huidig);
        Boolean binnenNieuw = afgeslotenOp == null ? null : !Tijd.datum(afgeslotenOp).isAfter(nieuw);
        return new Zaak(dossier.zaakId().toString(), registratie.identificatie(), registratie.geregistreerdOp(),
                afgeslotenOp, servicenormHuidig, opgegeven != null, huidig, nieuw, binnenHuidig, binnenNieuw);
    }

    static String ratio(long teller, long noemer) {
        return noemer == 0 ? "null" : BigDecimal.valueOf(teller).divide(BigDecimal.valueOf(noemer), 4, RoundingMode.HALF_UP)
                .toPlainString();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Zaak(String zaakId, String identificatie, Instant geregistreerdOp, Instant afgeslotenOp,
                Integer servicenormHuidig, boolean opgegevenEinddatum, LocalDate beslissingUiterlijkHuidig,
                LocalDate beslissingUiterlijkNieuw, Boolean binnenHuidig, Boolean binnenNieuw) {
    }

    record Antwoord(Instant peilmoment, List<Zaaktypeuitkomst> zaaktypen) {
    }

    /** Ratios as decimals with 4 digits (null over nothing), as the KPIs give them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Zaaktypeuitkomst(String zaaktype, List<Integer> servicenormHuidig, int servicenormNieuw, long zaken,
                            long gesloten, long binnenHuidig, long binnenNieuw, BigDecimal binnenServicenormHuidig,
                            BigDecimal binnenServicenormNieuw, long open, long beslissingUiterlijkVerschoven,
                            long metOpgegevenEinddatum, List<Zaak> perZaak) {
    }

    private static final class Telling {
        final String zaaktype;
        final int servicenormNieuw;
        final List<Zaak> zaken = new ArrayList<>();
        long gesloten;
        long binnenHuidig;
        long binnenNieuw;
        long open;
        long verschoven;
        long metOpgegevenDatum;

        Telling(String zaaktype, int servicenormNieuw) {
            this.zaaktype = zaaktype;
            this.servicenormNieuw = servicenormNieuw;
        }

        void tel(Zaak zaak) {
            zaken.add(zaak);
            if (zaak.afgeslotenOp() == null) {
                open++;
            } else {
                gesloten++;
                binnenHuidig += Boolean.TRUE.equals(zaak.binnenHuidig()) ? 1 : 0;
                binnenNieuw += Boolean.TRUE.equals(zaak.binnenNieuw()) ? 1 : 0;
            }
            if (zaak.opgegevenEinddatum()) {
                metOpgegevenDatum++;
            }
            if (!zaak.beslissingUiterlijkNieuw().equals(zaak.beslissingUiterlijkHuidig())) {
                verschoven++;
            }
        }

        List<Integer> servicenormenHuidig() {
            return zaken.stream().map(Zaak::servicenormHuidig).filter(java.util.Objects::nonNull).distinct().sorted().toList();
        }

        Zaaktypeuitkomst alsJson(boolean metZaken) {
            return new Zaaktypeuitkomst(zaaktype, servicenormenHuidig(), servicenormNieuw, zaken.size(), gesloten,
                    binnenHuidig, binnenNieuw, gesloten == 0 ? null : new BigDecimal(ratio(binnenHuidig, gesloten)),
                    gesloten == 0 ? null : new BigDecimal(ratio(binnenNieuw, gesloten)), open, verschoven,
                    metOpgegevenDatum, metZaken ? List.copyOf(zaken) : null);
        }
    }
}
