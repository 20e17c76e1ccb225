package nl.klantreis.infrastructuur.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/audit/integriteit} (and of {@code klantreis audit verifieer}): whether every chain is whole, how many
 * records were checked, and the first break found (the processing chains before the user-audit
 * chains, each table's chains by number). {@code ketens} gives each chain's head, so an auditor can
 * note {@code laatsteHash} outside the engine and later see that the chain still grows from it.
 * Each table has one chain (0) or more (ADR 0029); the records of one chain follow each other in
 * volgnummer order, the numbers of the chains interleave.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Integriteitsrapport(boolean intact, long records, Breuk eersteBreuk, List<Keten> ketens) {

    /**
     * @param keten      the chain of the table in which the break is
     * @param volgnummer for {@code gewijzigd} the changed record; for {@code verwijderd}, {@code afgekapt}
     *                   and {@code toegevoegd} the first volgnummer after the last sound record of the
     *                   chain (with one chain, whose numbers have no gaps, exactly the missing or
     *                   surplus record; with several, the missing record lies after it)
     * @param reden      {@code gewijzigd} (the record's hash is not the hash of its contents),
     *                   {@code verwijderd} (a record does not follow the one before it in its chain),
     *                   {@code afgekapt} (the head names records that are not there) or
     *                   {@code toegevoegd} (records beyond the head)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Breuk(String tabel, int keten, long volgnummer, String reden) {
        /** A break in chain 0, the only chain before V14. */
        public Breuk(String tabel, long volgnummer, String reden) {
            this(tabel, 0, volgnummer, reden);
        }
    }

    /**
     * @param keten       the chain's number in its table (0 for the records from before V14)
     * @param records     records present and checked
     * @param volgnummer  the last volgnummer according to the head
     * @param laatsteHash the head's hash (hex)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Keten(String tabel, int keten, long records, long volgnummer, String laatsteHash, boolean intact,
                        Breuk eersteBreuk) {
    }
}
