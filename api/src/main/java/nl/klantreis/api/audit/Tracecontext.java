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
        if (!traceId.matches("[0-9a-f]{32}") || !spanId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("geen geldige trace context");
        }
    }

    /** The {@code traceparent} header value of this span. */
    String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }
}
