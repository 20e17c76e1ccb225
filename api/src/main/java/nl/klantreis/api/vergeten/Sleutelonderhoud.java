package nl.klantreis.api.vergeten;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import nl.klantreis.infrastructuur.privacy.Sleutelring;

/**
 * At every start of the engine (not of the tools, which only read): wraps keys stored before
 * key-encryption keys existed and destroys KEKs left unused by a node that stopped midway through
 * a rotation (ADR 0011). Safe with several nodes starting at once.
 */
@Component
class Sleutelonderhoud implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(Sleutelonderhoud.class);
    private final Sleutelring sleutelring;

    Sleutelonderhoud(Sleutelring sleutelring) {
        this.sleutelring = sleutelring;
    }

    @Override
    public void run(ApplicationArguments argumenten) {
        Sleutelring.Onderhoud gedaan = sleutelring.onderhoud();
        LOG.info("Sleutels: KEK-map {}; {} sleutels gewikkeld, {} ongebruikte KEK's vernietigd",
                sleutelring.kekMap(), gedaan.gewikkeld(), gedaan.kekVernietigd());
    }
}
