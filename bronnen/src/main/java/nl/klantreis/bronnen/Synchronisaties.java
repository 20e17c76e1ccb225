package nl.klantreis.bronnen;

import java.time.Clock;

/** The {@link Synchronisatie} for every {@link Melding.Soort}, made from the configuration. */
public final class Synchronisaties {
    private Synchronisaties() {
    }

    /**
     * One synchronisation that sends each melding to the reader of its kind. A kind whose source is not configured
     * is {@code ongekoppeld}: the endpoint does not queue such meldingen, but the backfill or an old queue might.
     */
    public static Synchronisatie voor(Bronconfiguratie configuratie, Clock klok) {
        Lezer zaken = configuratie.openZaak() == null ? null
                : new Zaaksynchronisatie(configuratie, Zaaksynchronisatie.client(configuratie, klok), klok);
        Lezer klantcontacten = configuratie.openKlant() == null ? null
                : new Klantcontactsynchronisatie(configuratie, Klantcontactsynchronisatie.client(configuratie, klok));
        return melding -> {
            Lezer lezer = switch (melding.soort()) {
                case ZAAK -> zaken;
                case KLANTCONTACT -> klantcontacten;
            };
            if (lezer == null) {
                return Resultaat.zonder(Resultaat.Uitkomst.ONGEKOPPELD, "geen bron ingesteld voor " + melding.soort().code());
            }
            try {
                return lezer.lees(melding.url());
            } catch (Weg weg) {
                return Resultaat.zonder(Resultaat.Uitkomst.WEG, weg.getMessage());
            }
        };
    }

    /** Reads one zaak or klantcontact at its URL; {@link Weg} when the source no longer has it. */
    public interface Lezer {
        Resultaat lees(String url) throws Bronfout, Weg;
    }
}
