package nl.klantreis.api.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.klantreis.projecties.mijnzaken.MijnZakenWeergave.Tijdas;

/**
 * The time-travel parameters of API.md: {@code alsOp} (RFC 3339, default now) and {@code tijdas}
 * ({@code gebeurd}, the default, or {@code bekend}).
 */
public record Tijdreis(Instant moment, Tijdas tijdas) {

    public static Tijdreis uit(String alsOp, String tijdas, Clock klok) {
        List<OngeldigeParameters.Parameterfout> fouten = new ArrayList<>();
        Instant moment = klok.instant();
        if (alsOp != null) {
            try {
                moment = OffsetDateTime.parse(alsOp).toInstant();
            } catch (DateTimeParseException e) {
                fouten.add(new OngeldigeParameters.Parameterfout("alsOp",
                        "geen RFC 3339-tijdstip met tijdzone, bijvoorbeeld 2026-03-16T10:00:00+01:00"));
            }
        }
        Tijdas as = Tijdas.GEBEURD;
        if (tijdas != null) {
            switch (tijdas.toLowerCase(Locale.ROOT)) {
                case "gebeurd" -> as = Tijdas.GEBEURD;
                case "bekend" -> as = Tijdas.BEKEND;
                default -> fouten.add(new OngeldigeParameters.Parameterfout("tijdas", "moet 'gebeurd' of 'bekend' zijn"));
            }
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        return new Tijdreis(moment, as);
    }
}
