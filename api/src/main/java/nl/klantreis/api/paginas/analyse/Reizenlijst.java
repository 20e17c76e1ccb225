package nl.klantreis.api.paginas.analyse;

import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.Kanaalwisselreizen;
import nl.klantreis.projecties.kpi.KanaalwisselreizenVraag;

/**
 * The klantreizen behind a matrix cell, as the list page shows them: pseudonymous (the klantreis id,
 * what it is about, when it started, how many steps), each a link to its replay as it stood on the
 * peilmoment of the question.
 *
 * @param kop    "Telefoon naar Webformulier, warm"
 * @param terug  the kanaalwissels page of the same question
 */
public record Reizenlijst(String kop, List<Reisregel> reizen, String totaal, String wissels, long nietTeOpenen,
                   boolean ingekort, String terug) {

    public record Reisregel(String klantreisId, String zaaktype, String gestartOp, int stappen, String status, int wissels,
                     String link) {
    }

    static Reizenlijst van(Kanaalwisselreizen antwoord, KanaalwisselreizenVraag vraag, Periode periode, String soort,
                           Kanalen kanalen) {
        String kop = Opmaak.kanaal(kanalen, vraag.vanKanaal()) + " naar " + Opmaak.kanaal(kanalen, vraag.naarKanaal())
                + switch (soort) {
                    case "warm" -> ", warm";
                    case "koud" -> ", koud";
                    default -> ", warm en koud";
                };
        List<Reisregel> reizen = antwoord.klantreizen().stream().map(reis -> new Reisregel(reis.klantreisId(),
                reis.zaaktype(), Opmaak.moment(reis.gestartOp()), reis.stappen(),
                reis.beeindigd() ? "beëindigd" : "lopend", reis.wissels(),
                UriComponentsBuilder.fromPath(ReisafspeelController.PAD + "/" + reis.klantreisId())
                        .queryParam("alsOp", vraag.peilmoment().toString()).encode().build().toUriString()))
                .toList();
        return new Reizenlijst(kop, reizen, Opmaak.aantal(antwoord.totaal()), Opmaak.aantal(antwoord.wissels()),
                antwoord.nietTeOpenen(), antwoord.totaal() - antwoord.nietTeOpenen() > reizen.size(),
                periode.link(AnalyseController.KANAALWISSELS));
    }
}
