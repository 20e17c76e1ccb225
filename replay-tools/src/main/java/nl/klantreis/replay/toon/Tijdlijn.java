package nl.klantreis.replay.toon;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.replay.commandoregel.Leescommando;

/**
 * One klantreis as a timeline: its steps kanaal by kanaal, a line for every kanaalwissel (warm or
 * koud) just before the step it leads into, and the statussen of its zaak (from MijnZaken)
 * interleaved by time. At one moment: kanaalwissel, then the step, then what the zaak did.
 *
 * @param zaakId the zaak that is the klantreis's thema, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Tijdlijn(String klantreisId, String klantId, String zaakId, String onderwerp, String status, Instant gestartOp,
                Instant beeindigdOp, List<Regel> regels) {

    static final String STAP = "stap";
    static final String KANAALWISSEL = "kanaalwissel";
    static final String ZAAKSTATUS = "zaakstatus";
    static final String OPSCHORTING = "opschorting";
    static final String HERVATTING = "hervatting";
    static final String VERLENGING = "verlenging";
    static final String AFGESLOTEN = "zaak-afgesloten";

    /**
     * @param soort     {@value #STAP}, {@value #KANAALWISSEL}, {@value #ZAAKSTATUS}, {@value #OPSCHORTING},
     *                  {@value #HERVATTING}, {@value #VERLENGING} or {@value #AFGESLOTEN}
     * @param kanaal    the step's kanaal; for a kanaalwissel the kanaal it went to
     * @param wat       for a step its soort (klantcontact, zaak-geregistreerd); for a kanaalwissel
     *                  "van -> naar"; for a status its omschrijving
     * @param resultaat a contact's resultaat, a status's code, a closed zaak's resultaat
     * @param warm      for a kanaalwissel only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Regel(Instant op, String soort, String kanaal, String wat, String resultaat, Boolean warm) {
    }

    static Tijdlijn van(Klantreis reis, Zaakdetail zaak) {
        List<Geordend> regels = new ArrayList<>();
        int volgorde = 0;
        for (Klantreis.Kanaalwissel wissel : reis.kanaalwissels()) {
            regels.add(new Geordend(new Regel(wissel.op(), KANAALWISSEL, wissel.naar(), wissel.van() + " -> " + wissel.naar(),
                    null, wissel.warm()), 0, volgorde++));
        }
        for (Klantreis.Stap stap : reis.stappen()) {
            regels.add(new Geordend(new Regel(stap.op(), STAP, stap.kanaal(), stap.soort(), stap.resultaat(), null), 1,
                    volgorde++));
        }
        if (zaak != null) {
            for (Zaakdetail.Statusregel status : zaak.statussen()) {
                String stap = status.stap() == null || zaak.status() == null || zaak.status().vanStappen() == null ? ""
                        : " (stap " + status.stap() + "/" + zaak.status().vanStappen() + ")";
                regels.add(new Geordend(new Regel(status.gezetOp(), ZAAKSTATUS, null,
                        (status.omschrijving() == null ? status.code() : status.omschrijving()) + stap, status.code(), null),
                        2, volgorde++));
            }
            for (Zaakdetail.Opschorting opschorting : zaak.opschortingen()) {
                regels.add(new Geordend(new Regel(opschorting.van(), OPSCHORTING, null, "zaak opgeschort", null, null), 2,
                        volgorde++));
                if (opschorting.tot() != null) {
                    regels.add(new Geordend(new Regel(opschorting.tot(), HERVATTING, null, "zaak hervat", null, null), 2,
                            volgorde++));
                }
            }
            for (Zaakdetail.Verlenging verlenging : zaak.verlengingen()) {
                regels.add(new Geordend(new Regel(verlenging.op(), VERLENGING, null,
                        "termijn verlengd met " + verlenging.duurDagen() + " dagen", null, null), 2, volgorde++));
            }
            if (zaak.afgesloten() != null) {
                regels.add(new Geordend(new Regel(zaak.afgesloten().op(), AFGESLOTEN, null, "zaak afgesloten",
                        zaak.afgesloten().resultaat(), null), 3, volgorde++));
            }
        }
        regels.sort(Comparator.comparing((Geordend g) -> g.regel().op()).thenComparingInt(Geordend::rang)
                .thenComparingInt(Geordend::volgorde));
        return new Tijdlijn(reis.klantreisId(), reis.klantId(), reis.thema().zaakId(), reis.thema().onderwerp(),
                reis.status(), reis.gestartOp(), reis.beeindigdOp(), regels.stream().map(Geordend::regel).toList());
    }

    /** The readable form, one line per step, wissel or zaak event, times in Europe/Amsterdam. */
    void schrijf(PrintWriter uit) {
        uit.println("Klantreis " + klantreisId + " (" + status + ")");
        uit.println("  klant " + klantId + (zaakId != null ? ", zaak " + zaakId : ", onderwerp " + onderwerp));
        uit.println("  gestart " + Leescommando.tijd(gestartOp)
                + (beeindigdOp != null ? ", beeindigd " + Leescommando.tijd(beeindigdOp) : ", loopt nog"));
        for (Regel regel : regels) {
            uit.println("  " + Leescommando.tijd(regel.op()) + "  " + regelTekst(regel));
        }
        long warm = regels.stream().filter(r -> KANAALWISSEL.equals(r.soort()) && Boolean.TRUE.equals(r.warm())).count();
        long koud = regels.stream().filter(r -> KANAALWISSEL.equals(r.soort()) && Boolean.FALSE.equals(r.warm())).count();
        uit.println("  " + regels.stream().filter(r -> STAP.equals(r.soort())).count() + " stappen, "
                + (warm + koud) + " kanaalwissels (" + warm + " warm, " + koud + " koud)");
    }

    private static String regelTekst(Regel regel) {
        return switch (regel.soort()) {
            case STAP -> String.format("%-14s %-20s %s", regel.kanaal(), regel.wat(),
                    regel.resultaat() == null ? "" : regel.resultaat()).stripTrailing();
            case KANAALWISSEL -> String.format("%-14s kanaalwissel %s (%s)", ">>", regel.wat(),
                    Boolean.TRUE.equals(regel.warm()) ? "warm" : "koud");
            case AFGESLOTEN -> String.format("%-14s %-20s %s", "zaak", "afgesloten",
                    regel.resultaat() == null ? "" : regel.resultaat()).stripTrailing();
            default -> String.format("%-14s %-20s %s", "zaak", regel.soort(), regel.wat());
        };
    }

    private record Geordend(Regel regel, int rang, int volgorde) {
    }
}
