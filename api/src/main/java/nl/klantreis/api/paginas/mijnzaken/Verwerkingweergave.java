package nl.klantreis.api.paginas.mijnzaken;

import nl.klantreis.api.audit.EigenVerwerking;

/**
 * One processing record of the citizen's data in plain language (B1), for "Wie heeft mijn
 * gegevens ingezien": what happened, who did it (he himself, an employee of a department, or the
 * system; never which employee, as the API), when and why. An activity this page does not know is
 * shown by its registered name, never left out.
 *
 * @param wat  what happened, as a sentence
 * @param wie  "Uzelf", "Een medewerker (afdeling)", "Het systeem"
 * @param doel the registered purpose
 */
record Verwerkingweergave(String wanneer, String wat, String wie, String doel) {

    static Verwerkingweergave van(EigenVerwerking verwerking) {
        return new Verwerkingweergave(Zaakweergave.moment(verwerking.tijdstip().toInstant()),
                wat(verwerking.activiteit()), wie(verwerking.door(), verwerking.organisatieonderdeel()),
                zin(verwerking.doel()));
    }

    /** The registered purpose as the start of a sentence ("dienstverlening ..." becomes "Dienstverlening ..."). */
    private static String zin(String doel) {
        return doel == null || doel.isEmpty() ? doel : Character.toUpperCase(doel.charAt(0)) + doel.substring(1);
    }

    static String wat(String activiteit) {
        return switch (activiteit) {
            case "mijnzaken-inzien" -> "Uw lijst met zaken is bekeken.";
            case "zaak-inzien" -> "Een zaak van u is bekeken.";
            case "mijnzaken-volgen" -> "De stand van een zaak van u is bijgewerkt op het scherm.";
            case "verwerkingen-inzien" -> "Deze lijst (wie uw gegevens heeft ingezien) is bekeken.";
            case "klant-zoeken" -> "U bent opgezocht, bijvoorbeeld toen u belde.";
            case "klantbeeld-inzien" -> "Uw gegevens en contacten met de gemeente zijn bekeken.";
            case "klantreizen-inzien", "klantreis-inzien" -> "Uw contacten over één onderwerp zijn bekeken.";
            case "auditlog-inzien" -> "Een controleur heeft gekeken wie uw gegevens heeft gebruikt.";
            case "klant-vergeten" -> "Uw gegevens zijn gewist.";
            default -> "Uw gegevens zijn gebruikt (" + activiteit + ").";
        };
    }

    static String wie(String door, String organisatieonderdeel) {
        return switch (door) {
            case "uzelf" -> "Uzelf";
            case "medewerker" -> organisatieonderdeel == null || organisatieonderdeel.isBlank()
                    ? "Een medewerker van de gemeente" : "Een medewerker van " + organisatieonderdeel;
            default -> "Het systeem van de gemeente";
        };
    }
}
