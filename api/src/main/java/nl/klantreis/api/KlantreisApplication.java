package nl.klantreis.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Klantreis engine: ingestion, event store and (later) the query API, in one application. */
// Its own classes, the shared infrastructure's and the read models'; not the replay tools' (a separate application with its own
// configuration), should they share a classpath as in the tools' end-to-end test.
@SpringBootApplication(scanBasePackages = {"nl.klantreis.api", "nl.klantreis.infrastructuur", "nl.klantreis.projecties"})
public class KlantreisApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; this machine (and many a municipality's) has no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(KlantreisApplication.class, args);
    }
}
