package nl.klantreis.api.ingestie;

import java.util.UUID;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/** The Klant aggregate a message's klant identification names: its pseudonym, never the number itself. */
record Klanten(Pseudoniemen pseudoniemen) {

    /** A klant named by BSN or KVK number. */
    KlantId van(KlantIdentificatie klant) {
        return pseudoniemen.voor(klant.soort(), klant.nummer());
    }

    /** A klant of a klantcontact: an anonymous one is a Klant of that klantcontact alone. */
    KlantId van(KlantIdentificatie klant, UUID klantcontactId) {
        return klant.soort() == Identificatiesoort.ANONIEM
                ? pseudoniemen.anoniem(new KlantcontactId(klantcontactId))
                : van(klant);
    }
}
