package nl.klantreis.api.audit;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * W3C Trace Context for every request: the caller's trace id when he sends a valid
 * {@code traceparent} (version 00), otherwise a new trace; always a new span id of the engine's
 * own. The {@link Tracecontext} is kept in the exchange ({@link #van(ServerWebExchange)}) for the
 * processing records, and sent back in the response's {@code traceparent} so a caller can find
 * his request in the audit log. Runs before everything else, security included, so even a
 * refusal carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Tracering implements WebFilter {
    static final String KOP = "traceparent";
    static final String ATTRIBUUT = Tracecontext.class.getName();

    // version "00" - trace-id - parent-id - trace-flags, lowercase hex only (W3C Trace Context level 1).
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String NUL_TRACE = "0".repeat(32);
    private static final String NUL_SPAN = "0".repeat(16);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Tracecontext trace = new Tracecontext(traceId(exchange.getRequest().getHeaders().get(KOP)), nieuweSpanId());
        exchange.getAttributes().put(ATTRIBUUT, trace);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(KOP, trace.traceparent());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /**
     * The trace context of this request. Outside the filter (a handler tested on its own) a new
     * trace is started and kept, so every caller in one exchange sees the same one.
     */
    public static Tracecontext van(ServerWebExchange exchange) {
        Object trace = exchange.getAttributes().computeIfAbsent(ATTRIBUUT,
                sleutel -> new Tracecontext(nieuweTraceId(), nieuweSpanId()));
        return (Tracecontext) trace;
    }

    /** The caller's trace id when exactly one valid traceparent came in; otherwise a new trace. */
    static String traceId(List<String> koppen) {
        if (koppen == null || koppen.size() != 1) {
            return nieuweTraceId();
        }
        var deel = TRACEPARENT.matcher(koppen.get(0).strip());
        if (!deel.matches() || deel.group(1).equals(NUL_TRACE) || deel.group(2).equals(NUL_SPAN)) {
            return nieuweTraceId();
        }
        return deel.group(1);
    }

    static String nieuweTraceId() {
        ThreadLocalRandom toeval = ThreadLocalRandom.current();
        long hoog;
        long laag;
        do {
            hoog = toeval.nextLong();
            laag = toeval.nextLong();
        } while (hoog == 0 && laag == 0);
        return HexFormat.of().toHexDigits(hoog) + HexFormat.of().toHexDigits(laag);
    }

    static String nieuweSpanId() {
        ThreadLocalRandom toeval = ThreadLocalRandom.current();
        long span;
        do {
            span = toeval.nextLong();
        } while (span == 0);
        return HexFormat.of().toHexDigits(span);
    }
}
