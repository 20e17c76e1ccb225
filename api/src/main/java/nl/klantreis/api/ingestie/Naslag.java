package nl.klantreis.api.ingestie;

import java.util.Optional;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Zaaktype;

/** The reference data a {@link Berichtsoort} checks a message's codes against, with the look-ups several types share. */
record Naslag(Kanalen kanalen, Catalogus catalogus) {

    /** The code of the kanaal a code or alias names; records a fout when it names none. */
    String kanaalcode(KeuringVelden v, String veld, String ontvangen) {
        if (ontvangen == null) {
            return null;
        }
        Optional<Kanaal> kanaal = kanalen.herken(ontvangen);
        if (kanaal.isEmpty()) {
            v.fout(veld, "onbekend kanaal" + KeuringTekst.citaat(ontvangen));
            return null;
        }
        return kanaal.get().code();
    }

    Zaaktype zaaktype(KeuringVelden v, String veld, boolean verplicht) {
        String code = v.tekst(veld, verplicht);
        if (code == null) {
            return null;
        }
        Optional<Zaaktype> zaaktype = catalogus.zaaktype(code);
        if (zaaktype.isEmpty()) {
            v.fout(veld, "onbekend zaaktype" + KeuringTekst.citaat(code));
            return null;
        }
        return zaaktype.get();
    }
}
