package nl.klantreis.projecties.klantbeeld;

import nl.klantreis.projecties.mijnzaken.Zaakkaart;

/** The answer to {@link KlantbeeldVraag}: the klantbeeld, or null when the klant is unknown. */
public record KlantbeeldAntwoord(Klantbeeld<Zaakkaart> klantbeeld) {
}
