package nl.klantreis.domein.klant;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import nl.klantreis.domein.gedeeld.KlantId;

/**
 * The klant exercised his right to be forgotten: his keys are deleted in the same transaction,
 * so none of his personal data can be read any more. His events remain and keep counting.
 */
@Revision("1")
public record KlantVergeten(KlantId klantId, Instant vergetenOp) implements KlantEvent {
}
