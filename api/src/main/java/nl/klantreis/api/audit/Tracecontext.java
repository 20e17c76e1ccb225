package nl.klantreis.api.audit;

import java.util.Objects;

/**
 * W3C Trace Context of a request: the caller's trace id when he sent a {@code traceparent},
 * otherwise a new one; the span id is this engine's own span for the request.
 *
 * @param traceId 32 lowercase hex digits
 * @param spanId  16 lowercase hex digits
 */
public record Tracecontext(String traceId, String spanId) {
    public Tracecontext {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        // By hand rather than String.matches: that compiles its pattern on every call, and a
        // context is made for every request (ADR 0033: 1.6% of a read's CPU samples).
        if (!kleineHex(traceId, 32) || !kleineHex(spanId, 16)) {
            throw new IllegalArgumentException("geen geldige trace context");
        }
    }

    /** Exactly {@code lengte} lowercase hex digits. */
    static boolean kleineHex(String tekst, int lengte) {
        if (tekst.length() != lengte) {
            return false;
        }
        for (int i = 0; i < lengte; i++) {
            char c = tekst.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The {@code traceparent} header value of this span. */
    String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }
}
