package nl.klantreis.api.testondersteuning;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test sets by hand: whoever holds it reads the time as it is set at that moment. */
public final class Verstelbareklok extends Clock {
    private volatile Instant nu;

    public Verstelbareklok(Instant nu) {
        this.nu = nu;
    }

    public void zet(Instant tijd) {
        nu = tijd;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return nu;
    }
}
