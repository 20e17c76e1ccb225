package nl.klantreis.projecties.mijnzaken;

import java.util.List;

/** {@code {"zaken": [Zaakkaart]}} of API.md. */
public record MijnZakenAntwoord(List<Zaakkaart> zaken) {
    public MijnZakenAntwoord {
        zaken = List.copyOf(zaken);
    }
}
