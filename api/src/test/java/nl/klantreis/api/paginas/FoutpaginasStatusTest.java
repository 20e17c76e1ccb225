package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A page that cannot be shown because the database is away (a restart) is the 503 page, which
 * says to try again in a moment; any other failure stays the 500 page (ADR 0023).
 */
class FoutpaginasStatusTest {

    @Test
    void databaseWeg_is503_eenAndereFout_500() {
        assertThat(Foutpaginas.status(new CannotCreateTransactionException("geen verbinding",
                new SQLTransientConnectionException("request timed out after 5000ms"))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(Foutpaginas.status(new IllegalStateException("een fout van ons")))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
