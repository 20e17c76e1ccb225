package nl.klantreis.api.paginas.analyse;

import java.util.List;

import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.Kanaalwisselcel;

/**
 * The kanaalwissel-matrix's cells as the table and the Sankey diagram show them, each with the links
 * to the klantreizen behind it. Public, as every page model of this area: the templates read it
 * through reflection (SpEL), which a package-private type refuses.
 */
public record Kanaalwisselmatrix(List<Wisselregel> regels, long aantal, String beschrijving) {

    /**
     * One (van, naar) pair.
     *
     * @param linkAlle  the klantreizen behind the whole cell
     * @param linkWarm  behind its warm wissels (null when there are none)
     * @param linkKoud  behind its koud wissels (null when there are none)
     */
    public record Wisselregel(String van, String naar, String vanNaam, String naarNaam, long aantal, long warm, long koud,
                       String linkAlle, String linkWarm, String linkKoud) {
    }

    static Kanaalwisselmatrix van(List<Kanaalwisselcel> cellen, Periode periode, Kanalen kanalen) {
        List<Wisselregel> regels = cellen.stream().map(cel -> {
            long koud = cel.aantal() - cel.warm();
            return new Wisselregel(cel.van(), cel.naar(), Opmaak.kanaal(kanalen, cel.van()),
                    Opmaak.kanaal(kanalen, cel.naar()), cel.aantal(), cel.warm(), koud,
                    link(periode, cel, "alle"), cel.warm() == 0 ? null : link(periode, cel, "warm"),
                    koud == 0 ? null : link(periode, cel, "koud"));
        }).toList();
        StringBuilder beschrijving = new StringBuilder("Sankeydiagram van de kanaalwissels, links het kanaal waar de"
                + " klant vandaan kwam, rechts waar hij heen ging.");
        if (regels.isEmpty()) {
            beschrijving.append(" Er zijn geen kanaalwissels in deze periode.");
        }
        for (Wisselregel regel : regels) {
            beschrijving.append(' ').append(regel.vanNaam()).append(" naar ").append(regel.naarNaam()).append(": ")
                    .append(regel.aantal()).append(", waarvan ").append(regel.warm()).append(" warm en ")
                    .append(regel.koud()).append(" koud.");
        }
        return new Kanaalwisselmatrix(regels, regels.stream().mapToLong(Wisselregel::aantal).sum(),
                beschrijving.toString());
    }

    private static String link(Periode periode, Kanaalwisselcel cel, String soort) {
        return periode.link(AnalyseController.WISSELREIZEN, "vanKanaal", cel.van(), "naarKanaal", cel.naar(), "soort", soort);
    }
}
