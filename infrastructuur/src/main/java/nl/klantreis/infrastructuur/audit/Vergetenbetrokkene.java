package nl.klantreis.infrastructuur.audit;

/**
 * What a question about one betrokkene (data subject) may see of the Logboek Dataverwerkingen
 * after he was forgotten (ADR 0016): the record that his forgetting was carried out and everything
 * after it, nothing before. The older records stay in the hash chain, unaltered and verifiable, and
 * are still found by time, actor or trace; only the way from his number to them is closed.
 */
public final class Vergetenbetrokkene {
    /** The activity of the record {@code POST /klanten/{id}/vergeten} writes. */
    public static final String ACTIVITEIT = "klant-vergeten";

    private Vergetenbetrokkene() {
    }

    /**
     * An SQL condition (to AND into a query on {@code verwerking}) that keeps only the records from
     * the betrokkene's last forgetting on; the volgnummer, not the time, orders the chain.
     *
     * @param alias     the alias of the {@code verwerking} table in the query
     * @param parameter how the query names the betrokkene parameter ({@code ?} or {@code :naam});
     *                  JDBC positional parameters then need the betrokkene twice
     */
    public static String sindsLaatsteVergeten(String alias, String parameter) {
        return alias + ".volgnummer >= coalesce((select max(vv.volgnummer) from verwerking vv where vv.betrokkene = "
                + parameter + " and vv.activiteit = '" + ACTIVITEIT + "'), 0)";
    }
}
