package nl.klantreis.infrastructuur;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test sets (or moves) by hand, for every module's tests: whoever holds it reads the time as it is set at that moment. */
public final class Verstelbareklok extends Clock {
    private volatile Instant nu;

    public Verstelbareklok(Instant nu) {
        this.nu = nu;
    }

    public void zet(Instant tijd) {
        nu = tijd;
    }

    public void verzet(Duration duur) {
        nu = nu.plus(duur);
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
