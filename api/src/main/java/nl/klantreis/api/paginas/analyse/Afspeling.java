package nl.klantreis.api.paginas.analyse;

import java.util.ArrayList;
import java.util.List;

import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.klantreis.Klantreis;

/**
 * A klantreis as the replay shows it: its steps numbered, each with the kanaalwissel that led into
 * it (warm or koud), and which step is the current one. Steps after it are "nog niet": the page
 * lists them all the same, so without JavaScript the whole journey is readable.
 *
 * @param huidig 1-based, within 1..aantal
 */
public record Afspeling(String thema, String status, String gestartOp, String beeindigdOp, List<Stapregel> stappen,
                 int huidig, int aantal) {

    /**
     * @param wissel      "warm", "koud" or null when the kanaal did not change into this step
     * @param vanKanaal   the kanaal of the previous step, named, when there was a wissel
     * @param beschrijving the step in one sentence (the live region announces it)
     */
    public record Stapregel(int nummer, String soort, String kanaal, String op, String resultaat, String wissel,
                     String vanKanaal, String beschrijving, boolean later, boolean huidig) {
    }

    static Afspeling van(Klantreis reis, int gevraagd, Kanalen kanalen) {
        int aantal = reis.stappen().size();
        int huidig = Math.max(1, Math.min(aantal, gevraagd));
        List<Stapregel> regels = new ArrayList<>();
        for (int i = 0; i < aantal; i++) {
            Klantreis.Stap stap = reis.stappen().get(i);
            Klantreis.Stap vorige = i == 0 ? null : reis.stappen().get(i - 1);
            String wissel = null;
            String van = null;
            if (vorige != null && !vorige.kanaal().equals(stap.kanaal())) {
                van = Opmaak.kanaal(kanalen, vorige.kanaal());
                // The recorded wissel into this step says warm or koud; as the rules do, by kanaal and moment.
                wissel = reis.kanaalwissels().stream()
                        .filter(w -> w.op().equals(stap.op()) && w.naar().equals(stap.kanaal())
                                && w.van().equals(vorige.kanaal()))
                        .findFirst().map(w -> w.warm() ? "warm" : "koud").orElse(null);
            }
            String soort = Klantreis.Stap.ZAAK_GEREGISTREERD.equals(stap.soort()) ? "Zaak geregistreerd" : "Klantcontact";
            String kanaal = Opmaak.kanaal(kanalen, stap.kanaal());
            String op = Opmaak.moment(stap.op());
            StringBuilder zin = new StringBuilder("Stap ").append(i + 1).append(" van ").append(aantal).append(": ")
                    .append(soort).append(" via ").append(kanaal).append(" op ").append(op);
            if (stap.resultaat() != null) {
                zin.append(", resultaat ").append(stap.resultaat());
            }
            if (wissel != null) {
                zin.append(". Kanaalwissel ").append(wissel).append(" van ").append(van).append(" naar ").append(kanaal);
            }
            zin.append('.');
            regels.add(new Stapregel(i + 1, soort, kanaal, op, stap.resultaat(), wissel, van, zin.toString(),
                    i + 1 > huidig, i + 1 == huidig));
        }
        String thema = reis.thema().zaakId() != null ? "Een zaak" : "Onderwerp " + reis.thema().onderwerp();
        return new Afspeling(thema, reis.lopend() ? "lopend" : "beëindigd", Opmaak.moment(reis.gestartOp()),
                reis.beeindigdOp() == null ? null : Opmaak.moment(reis.beeindigdOp()), regels, huidig, aantal);
    }
}
