package nl.klantreis.api.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/**
 * The kanaaldag read model runs only when asked for ({@code klantreis.leesmodellen.kanaaldag=true}):
 * each read model is a processor that applies every event during ingestion, and nothing reads this
 * one yet (docs/benchmarks.md).
 */
class KanaaldagAanUitTest {

    @Nested
    class Standaard {
        @RegisterExtension
        static final Testengine engine = Testengine.perKlasse();

        @Test
        void draaitNiet() {
            assertThat(engine.bean(Projectiebeheer.class).namen())
                    .contains("klantreis", "mijnzaken").doesNotContain("kanaaldag");
        }
    }

    @Nested
    class Aangezet {
        @RegisterExtension
        static final Testengine engine = Testengine.perKlasse("--klantreis.leesmodellen.kanaaldag=true");

        @Test
        void draait() {
            assertThat(engine.bean(Projectiebeheer.class).namen()).contains("klantreis", "mijnzaken", "kanaaldag");
        }
    }
}
