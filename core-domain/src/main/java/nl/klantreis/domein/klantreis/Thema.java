package nl.klantreis.domein.klantreis;

import nl.klantreis.domein.gedeeld.ZaakId;

/** The thing a klantreis is about: a zaak when one is named, otherwise the onderwerp. Exactly one is set. */
public record Thema(ZaakId zaakId, String onderwerp) {
    public Thema {
        if ((zaakId == null) == (onderwerp == null)) {
            throw new IllegalArgumentException("een thema is een zaak of een onderwerp");
        }
    }

    public static Thema zaak(ZaakId zaakId) {
        return new Thema(zaakId, null);
    }

    public static Thema onderwerp(String onderwerp) {
        return new Thema(null, onderwerp);
    }
}
