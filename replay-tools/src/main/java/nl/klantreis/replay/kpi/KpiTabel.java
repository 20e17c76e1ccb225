package nl.klantreis.replay.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.klantreis.projecties.kpi.Kanaalwisselcel;
import nl.klantreis.projecties.kpi.Kpicijfers;
import nl.klantreis.projecties.kpi.Kpideel;
import nl.klantreis.projecties.kpi.Kpiuitkomst;

/**
 * The KPIs as a plain-text table: one row per KPI and one per part of its uitsplitsing (indented),
 * a column per figure, empty where a KPI has no such figure; the cells of the kanaalwissel-matrix
 * as rows "van → naar". Numbers as the API gives them (a ratio with its six digits), so a reader can
 * compare the two by eye.
 */
final class KpiTabel {
    private static final List<String> KOPPEN = List.of("kpi", "deel", "waarde", "teller", "noemer", "aantal",
            "p50Uren", "p90Uren", "waardeCent", "warm");
    private static final List<Function<Kpicijfers, Object>> FIGUREN = List.of(
            Kpicijfers::waarde, Kpicijfers::teller, Kpicijfers::noemer, Kpicijfers::aantal, Kpicijfers::p50Uren,
            Kpicijfers::p90Uren, Kpicijfers::waardeCent);

    private KpiTabel() {
    }

    static String tabel(List<Kpiuitkomst> uitkomsten) {
        List<List<String>> rijen = new ArrayList<>();
        rijen.add(KOPPEN);
        for (Kpiuitkomst uitkomst : uitkomsten) {
            Kpicijfers cijfers = uitkomst.cijfers();
            rijen.add(rij(uitkomst.kpi(), "totaal", cijfers, null));
            if (cijfers.cellen() != null) {
                for (Kanaalwisselcel cel : cijfers.cellen()) {
                    List<String> rij = new ArrayList<>(List.of("", "  " + cel.van() + " → " + cel.naar(), "", "", "",
                            Long.toString(cel.aantal()), "", "", "", Long.toString(cel.warm())));
                    rijen.add(rij);
                }
            }
            if (cijfers.uitsplitsing() != null) {
                for (Kpideel deel : cijfers.uitsplitsing()) {
                    String sleutel = deel.kanaal() != null ? "kanaal " + deel.kanaal() : "zaaktype " + deel.zaaktype();
                    rijen.add(rij("", "  " + sleutel, deel.cijfers(), null));
                    if (deel.cijfers().cellen() != null) {
                        for (Kanaalwisselcel cel : deel.cijfers().cellen()) {
                            rijen.add(new ArrayList<>(List.of("", "    " + cel.van() + " → " + cel.naar(), "", "", "",
                                    Long.toString(cel.aantal()), "", "", "", Long.toString(cel.warm()))));
                        }
                    }
                }
            }
        }
        return teken(rijen, uitkomsten);
    }

    private static List<String> rij(String kpi, String deel, Kpicijfers cijfers, Long warm) {
        List<String> rij = new ArrayList<>();
        rij.add(kpi);
        rij.add(deel);
        for (Function<Kpicijfers, Object> figuur : FIGUREN) {
            Object waarde = figuur.apply(cijfers);
            rij.add(waarde == null ? "" : waarde.toString());
        }
        rij.add(warm == null ? "" : warm.toString());
        return rij;
    }

    private static String teken(List<List<String>> rijen, List<Kpiuitkomst> uitkomsten) {
        int[] breedte = new int[KOPPEN.size()];
        for (List<String> rij : rijen) {
            for (int i = 0; i < rij.size(); i++) {
                breedte[i] = Math.max(breedte[i], rij.get(i).length());
            }
        }
        StringBuilder tekst = new StringBuilder();
        if (!uitkomsten.isEmpty()) {
            Kpiuitkomst eerste = uitkomsten.get(0);
            tekst.append("periode [").append(eerste.van()).append(", ").append(eerste.tot()).append("), peilmoment ")
                    .append(eerste.peilmoment()).append(System.lineSeparator());
        }
        for (List<String> rij : rijen) {
            StringBuilder regel = new StringBuilder();
            for (int i = 0; i < rij.size(); i++) {
                String cel = rij.get(i);
                // Names left, figures right, as a spreadsheet shows them.
                regel.append(i < 2 ? cel + " ".repeat(breedte[i] - cel.length()) : " ".repeat(breedte[i] - cel.length()) + cel);
                regel.append(i < rij.size() - 1 ? "  " : "");
            }
            tekst.append(regel.toString().stripTrailing()).append(System.lineSeparator());
        }
        return tekst.toString();
    }
}
