package nl.klantreis.infrastructuur.opslag;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append failed on the unique key (aggregate, sequence): another transaction,
 * perhaps on another node, appended to the same aggregate first. Axon then raises a
 * ConcurrencyException (or AggregateStreamCreationException), which the caller retries on
 * fresh state. Axon's default resolver looks at vendor error codes, which PostgreSQL leaves at 0;
 * PostgreSQL names the violation by SQLSTATE 23505, also inside a batch's next-exception chain.
 */
public final class DubbeleSleutelHerkenning implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception fout) {
        for (Throwable t = fout; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException volgende = sql; volgende != null; volgende = volgende.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(volgende.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
