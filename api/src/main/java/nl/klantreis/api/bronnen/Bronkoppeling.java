package nl.klantreis.api.bronnen;

import java.util.Optional;

import nl.klantreis.bronnen.Bronconfiguratie;

/**
 * The engine's link to Open Zaak, Open Klant and Open Notificaties as configured, or none (the default:
 * {@code klantreis.bronnen.configuratie} empty). Without one the notification endpoint answers 404 and no
 * worker runs.
 */
record Bronkoppeling(Bronconfiguratie configuratie) {
    static final Bronkoppeling GEEN = new Bronkoppeling(null);

    Optional<Bronconfiguratie> actief() {
        return Optional.ofNullable(configuratie);
    }
}
