package nl.klantreis.api.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;

/**
 * Reads the time-travel parameters of API.md into a {@link Peiling}: {@code alsOp} (default now)
 * and {@code tijdas} ({@code gebeurd}, the default, or {@code bekend}), read by
 * {@link Tijdstipinvoer} exactly as the tools read {@code --alsop}: RFC 3339, a local date-time in
 * Europe/Amsterdam, or a date (the end of that day), years 1900 to 9999. An empty value is not
 * "now": it is answered as invalid.
 */
public final class Peilingparameters {

    private Peilingparameters() {
    }

    public static Peiling uit(String alsOp, String tijdas, Clock klok) {
        List<OngeldigeParameters.Parameterfout> fouten = new ArrayList<>();
        Instant moment = klok.instant();
        if (alsOp != null) {
            try {
                moment = Tijdstipinvoer.moment(alsOp);
            } catch (Tijdstipinvoer.Ongeldig e) {
                fouten.add(new OngeldigeParameters.Parameterfout("alsOp", e.getMessage()));
            }
        }
        Tijdas as = Tijdas.GEBEURD;
        try {
            as = Tijdstipinvoer.tijdas(tijdas);
        } catch (Tijdstipinvoer.Ongeldig e) {
            fouten.add(new OngeldigeParameters.Parameterfout("tijdas", "moet 'gebeurd' of 'bekend' zijn"));
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        return new Peiling(moment, as);
    }
}
