package nl.klantreis.infrastructuur.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/audit/integriteit} (and of {@code klantreis audit verifieer}): whether both chains are whole, how many
 * records were checked, and the first break found (the processing chain before the user-audit
 * chain). {@code ketens} gives each chain's head, so an auditor can note {@code laatsteHash}
 * outside the engine and later see that the chain still grows from it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Integriteitsrapport(boolean intact, long records, Breuk eersteBreuk, List<Keten> ketens) {

    /**
     * @param reden {@code gewijzigd} (the record's hash is not the hash of its contents),
     *              {@code verwijderd} (a volgnummer is missing, or a record does not follow the one
     *              before it), {@code afgekapt} (the head counts records that are not there) or
     *              {@code toegevoegd} (records beyond the head)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Breuk(String tabel, long volgnummer, String reden) {
    }

    /**
     * @param records     records present and checked
     * @param volgnummer  the last volgnummer according to the head
     * @param laatsteHash the head's hash (hex)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Keten(String tabel, long records, long volgnummer, String laatsteHash, boolean intact,
                        Breuk eersteBreuk) {
    }
}
