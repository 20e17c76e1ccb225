package nl.klantreis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

/** W3C Trace Context: the caller's trace is kept when valid, replaced when not; the engine's span is new. */
class TraceringTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OUDER = "00f067aa0ba902b7";

    @Test
    void geldigeTraceparent_behoudtDeTraceId_metEenEigenSpan() {
        Tracecontext trace = doorFilter("00-" + TRACE + "-" + OUDER + "-01");
        assertThat(trace.traceId()).isEqualTo(TRACE);
        assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(OUDER);
    }

    @Test
    void ongeldigeTraceparent_begintEenNieuweTrace() {
        for (String ongeldig : List.of(
                "01-" + TRACE + "-" + OUDER + "-01",                     // another version
                "00-" + "0".repeat(32) + "-" + OUDER + "-01",           // trace id all zeros
                "00-" + TRACE + "-" + "0".repeat(16) + "-01",           // parent id all zeros
                "00-" + TRACE.toUpperCase() + "-" + OUDER + "-01",      // uppercase hex
                "00-" + TRACE.substring(1) + "-" + OUDER + "-01",       // too short
                "00-" + TRACE + "-" + OUDER + "-01-extra",
                "00-" + TRACE + "-" + OUDER,
                "onzin")) {
            Tracecontext trace = doorFilter(ongeldig);
            assertThat(trace.traceId()).as(ongeldig).isNotEqualTo(TRACE).matches("[0-9a-f]{32}")
                    .isNotEqualTo("0".repeat(32));
        }
        assertThat(Tracering.traceId(List.of("00-" + TRACE + "-" + OUDER + "-01", "00-" + TRACE + "-" + OUDER + "-01")))
                .as("twee traceparent-koppen").isNotEqualTo(TRACE);
    }

    @Test
    void zonderTraceparent_eenNieuweTrace_elkVerzoekEenAndere() {
        Tracecontext een = doorFilter(null);
        Tracecontext twee = doorFilter(null);
        assertThat(een.traceId()).isNotEqualTo(twee.traceId());
        assertThat(een.spanId()).isNotEqualTo(twee.spanId());
    }

    @Test
    void antwoord_draagtDeTraceparentVanDeSpanVanDeEngine() {
        MockServerWebExchange uitwisseling = uitwisseling("00-" + TRACE + "-" + OUDER + "-01");
        AtomicReference<Tracecontext> gezien = new AtomicReference<>();
        new Tracering().filter(uitwisseling, u -> {
            gezien.set(Tracering.van(u));
            return u.getResponse().setComplete();
        }).block();
        assertThat(uitwisseling.getResponse().getHeaders().getFirst("traceparent"))
                .isEqualTo("00-" + TRACE + "-" + gezien.get().spanId() + "-01");
    }

    @Test
    void buitenHetFilter_houdtEenUitwisselingEenEnDezelfdeTrace() {
        MockServerWebExchange uitwisseling = uitwisseling(null);
        assertThat(Tracering.van(uitwisseling)).isEqualTo(Tracering.van(uitwisseling));
    }

    @Test
    void tracecontext_aanvaardtAlleenKleineHexVanDeJuisteLengte() {
        assertThat(new Tracecontext(TRACE, OUDER).traceparent()).isEqualTo("00-" + TRACE + "-" + OUDER + "-01");
        for (String[] ongeldig : List.of(new String[] {TRACE.toUpperCase(), OUDER}, new String[] {TRACE, OUDER + "0"},
                new String[] {TRACE.substring(1), OUDER}, new String[] {TRACE.replace('4', 'g'), OUDER},
                new String[] {TRACE, OUDER.replace('0', ' ')}, new String[] {TRACE, ""})) {
            assertThatThrownBy(() -> new Tracecontext(ongeldig[0], ongeldig[1]))
                    .as("%s / %s", ongeldig[0], ongeldig[1]).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Tracecontext doorFilter(String traceparent) {
        AtomicReference<Tracecontext> gezien = new AtomicReference<>();
        new Tracering().filter(uitwisseling(traceparent), u -> {
            gezien.set(Tracering.van(u));
            return Mono.empty();
        }).block();
        return gezien.get();
    }

    private static MockServerWebExchange uitwisseling(String traceparent) {
        MockServerHttpRequest.BaseBuilder<?> verzoek = MockServerHttpRequest.get("/api/v1/mijnzaken");
        if (traceparent != null) {
            verzoek.header("traceparent", traceparent);
        }
        return MockServerWebExchange.from(verzoek);
    }
}
