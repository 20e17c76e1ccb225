package nl.klantreis.api.ingestie;

import java.util.UUID;

/**
 * A klantcontactId claimed for a klant. A klantcontact belongs to one klant: the first claim is
 * recorded (in {@link Ontvangstregister}) and a message claiming it for another klant is refused.
 *
 * @param klant the Klant aggregate's identifier (a pseudonym)
 */
record Klantcontactclaim(UUID klantcontactId, String klant) {
}
