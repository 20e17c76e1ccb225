package nl.klantreis.api.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database is away for now (stopped, restarting, unreachable, or
 * no connection free within the pool's wait), rather than a fault of ours: such a failure is a
 * {@code 503} with a {@code Retry-After}, for the API and for the pages alike (ADR 0023).
 */
public final class Databasestoring {
    private static final String HIKARI_GESLOTEN = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private Databasestoring() {
    }

    public static boolean is(Throwable fout) {
        int diepte = 0;
        for (Throwable t = fout; t != null && diepte++ < 32; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && (verbindingVerloren(sql.getSQLState()) || gesloten(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer (without SQLSTATE) on a connection it already took out because it broke: the
     * original 08 error is often lost on the way, e.g. when a {@code finally} resets auto-commit on
     * it, or a rollback on it fails and replaces the cause.
     */
    private static boolean gesloten(SQLException fout) {
        StackTraceElement[] plaatsen = fout.getStackTrace();
        return fout.getSQLState() == null && plaatsen.length > 0
                && plaatsen[0].getClassName().startsWith(HIKARI_GESLOTEN);
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shuts down or is starting
     * up: "admin shutdown", "crash shutdown", "cannot connect now") and 53300 (too many connections).
     */
    static boolean verbindingVerloren(String staat) {
        return staat != null && (staat.startsWith("08") || staat.equals("57P01") || staat.equals("57P02")
                || staat.equals("57P03") || staat.equals("53300"));
    }
}
