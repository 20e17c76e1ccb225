package nl.klantreis.api.configuratie;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * What Reactor Netty and the framework refuse before the API's own error handling sees a request,
 * answered as an RFC 9457 problem like every other error: a request line over the limit (414),
 * header lines over the limit (431), an address that is not HTTP (raw non-ASCII, a bad
 * {@code %} escape, an encoded slash: 400), a client too slow with its header lines (408).
 *
 * <p>Sits right after the HTTP codec. Inbound it looks at each request head: a decoding failure
 * or an address that is not HTTP is answered here with its problem, and the connection closed
 * (what follows on it cannot be trusted to be framed right). Outbound, as a safety net, it replaces
 * each error answer without a body and without a content type (what Reactor Netty or a framework
 * filter, such as the security firewall, might still send bare) by a problem with that status.
 * Answers with a body are left alone.
 *
 * <p>The header clock: slow-loris clients send header lines a byte at a time, and every byte
 * resets an idle timeout. So the first byte of each request starts a clock ({@link Kopklok}, before
 * the codec, sees raw bytes), the complete head stops it; when it runs out the client gets a 408
 * and the connection is closed. Likewise for a body: complete within {@code inhoudBinnen}, no
 * pause between reads over {@code leespauze}; else 408 (or, when the answer has already begun,
 * only closed). Reactor Netty's own read and request timeouts only close the connection, without
 * an answer, so they are not used. One instance per connection; all on its event loop.
 */
final class Verzoekwachter extends ChannelDuplexHandler {
    static final String NAAM = "klantreis.verzoekwachter";
    static final String TYPE_ONLEESBAAR = "urn:klantreis:probleem:onleesbaar-verzoek";

    private final Duration kopregelsBinnen;
    private final Duration leespauze;
    private final Duration inhoudBinnen;
    private ScheduledFuture<?> kopklok;
    private ScheduledFuture<?> inhoudklok;
    private ScheduledFuture<?> pauzeklok;
    /** The answer to the current request has begun: a timeout can then only close. */
    private boolean antwoordBegonnen;
    private boolean inVerzoek;
    private boolean head;
    private Diagnose diagnose;
    /** This connection is being closed after a refusal: whatever else it sends is dropped. */
    private boolean weggooien;
    /** An error answer is being replaced: the rest of its (empty) body is swallowed. */
    private boolean vervangen;

    /** Why a request is refused, in Dutch, for the problem's title and detail. */
    record Diagnose(int status, String type, String titel, String detail) {
    }

    /** A zero duration switches that clock off. */
    Verzoekwachter(Duration kopregelsBinnen, Duration leespauze, Duration inhoudBinnen) {
        this.kopregelsBinnen = kopregelsBinnen;
        this.leespauze = leespauze;
        this.inhoudBinnen = inhoudBinnen;
    }

    // --- inbound ------------------------------------------------------------------------------

    /** The first bytes of a request arrived (from {@link Kopklok}): its head must follow in time. */
    void bytesOntvangen(ChannelHandlerContext ctx) {
        if (inVerzoek || kopklok != null || kopregelsBinnen.isZero()) {
            return;
        }
        kopklok = ctx.executor().schedule(() -> teTraag(ctx), kopregelsBinnen.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object bericht) throws Exception {
        if (weggooien) {
            ReferenceCountUtil.release(bericht);
            return;
        }
        if (bericht instanceof HttpRequest verzoek) {
            stopKopklok();
            inVerzoek = true;
            antwoordBegonnen = false;
            head = HttpMethod.HEAD.equals(verzoek.method());
            diagnose = diagnose(verzoek.decoderResult(), verzoek.uri());
            if (diagnose != null) {
                weiger(ctx, bericht);
                return;
            }
            if (!(bericht instanceof LastHttpContent)) {
                startInhoudklokken(ctx);
            }
        } else if (bericht instanceof LastHttpContent) {
            stopInhoudklokken();
        } else if (bericht instanceof HttpContent) {
            zetPauzeklok(ctx);
        }
        super.channelRead(ctx, bericht);
    }

    // A body that stalls or crawls: the whole of it within inhoudBinnen, no pause over leespauze.
    private void startInhoudklokken(ChannelHandlerContext ctx) {
        if (!inhoudBinnen.isZero()) {
            inhoudklok = ctx.executor().schedule(() -> teTraagMetInhoud(ctx, "kwam niet binnen "
                    + inhoudBinnen.toSeconds() + " seconden helemaal binnen"), inhoudBinnen.toMillis(), TimeUnit.MILLISECONDS);
        }
        zetPauzeklok(ctx);
    }

    private void zetPauzeklok(ChannelHandlerContext ctx) {
        if (pauzeklok != null) {
            pauzeklok.cancel(false);
        }
        if (!leespauze.isZero()) {
            pauzeklok = ctx.executor().schedule(() -> teTraagMetInhoud(ctx, "stokte langer dan "
                    + leespauze.toSeconds() + " seconden"), leespauze.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stopInhoudklokken() {
        if (inhoudklok != null) {
            inhoudklok.cancel(false);
            inhoudklok = null;
        }
        if (pauzeklok != null) {
            pauzeklok.cancel(false);
            pauzeklok = null;
        }
    }

    private void teTraagMetInhoud(ChannelHandlerContext ctx, String hoe) {
        stopInhoudklokken();
        weggooien = true;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (antwoordBegonnen) {
            ctx.close();
            return;
        }
        FullHttpResponse antwoord = probleem(new Diagnose(408, "urn:klantreis:probleem:te-traag", "Verzoek te traag",
                "de body van het verzoek " + hoe + "; de verbinding wordt gesloten"), head);
        antwoord.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(antwoord).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Answers the diagnosis itself and closes: the request never reaches Reactor Netty or Spring
     * (which would answer some of these bare, and log each at WARN, a log flood under attack).
     * What else comes in on this connection is dropped.
     */
    private void weiger(ChannelHandlerContext ctx, Object bericht) {
        ReferenceCountUtil.release(bericht);
        weggooien = true;
        if (!ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse antwoord = probleem(diagnose, head);
        antwoord.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(antwoord).addListener(ChannelFutureListener.CLOSE);
    }

    private void teTraag(ChannelHandlerContext ctx) {
        kopklok = null;
        if (inVerzoek || !ctx.channel().isActive()) {
            return;
        }
        inVerzoek = true;
        FullHttpResponse antwoord = probleem(new Diagnose(408, "urn:klantreis:probleem:te-traag", "Verzoek te traag",
                "de kopregels van het verzoek kwamen niet binnen " + kopregelsBinnen.toSeconds()
                        + " seconden binnen; de verbinding wordt gesloten"), false);
        antwoord.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(antwoord).addListener(ChannelFutureListener.CLOSE);
    }

    private void stopKopklok() {
        if (kopklok != null) {
            kopklok.cancel(false);
            kopklok = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopKopklok();
        stopInhoudklokken();
        super.channelInactive(ctx);
    }

    /** Why this request head will be refused, or null when nothing is wrong with its form. */
    static Diagnose diagnose(DecoderResult resultaat, String adres) {
        if (resultaat != null && resultaat.isFailure()) {
            Throwable oorzaak = resultaat.cause();
            if (oorzaak instanceof TooLongHttpLineException) {
                return new Diagnose(414, "urn:klantreis:probleem:adres-te-lang", "Adres te lang",
                        "de verzoekregel (methode, adres en versie) is langer dan de engine aanneemt;"
                                + " stuur lange zoekvragen in de body");
            }
            if (oorzaak instanceof TooLongHttpHeaderException || oorzaak instanceof TooLongFrameException) {
                return new Diagnose(431, "urn:klantreis:probleem:kopregels-te-groot", "Kopregels te groot",
                        "de kopregels van het verzoek zijn samen groter dan de engine aanneemt");
            }
            return new Diagnose(400, TYPE_ONLEESBAAR, "Onleesbaar verzoek",
                    "het verzoek volgt de vorm van HTTP/1.1 niet (verzoekregel of kopregels)");
        }
        if (adres == null) {
            return null;
        }
        int vraag = adres.indexOf('?');
        for (int i = 0; i < adres.length(); i++) {
            char teken = adres.charAt(i);
            if (teken <= 0x20 || teken >= 0x7f) {
                return new Diagnose(400, TYPE_ONLEESBAAR, "Onleesbaar adres",
                        "het adres bevat een teken buiten zichtbaar ASCII (positie " + i + ");"
                                + " codeer het als UTF-8 met %-codering, bijvoorbeeld é als %C3%A9");
            }
            if (teken == '%') {
                if (i + 2 >= adres.length() || Character.digit(adres.charAt(i + 1), 16) < 0
                        || Character.digit(adres.charAt(i + 2), 16) < 0) {
                    return new Diagnose(400, TYPE_ONLEESBAAR, "Onleesbaar adres",
                            "het adres bevat een ongeldige %-codering (positie " + i + "): na % horen twee"
                                    + " hexadecimale tekens; een letterlijk % is %25");
                }
                String code = adres.substring(i + 1, i + 3);
                if ((vraag < 0 || i < vraag) && (code.equalsIgnoreCase("2F") || code.equalsIgnoreCase("5C"))) {
                    return new Diagnose(400, TYPE_ONLEESBAAR, "Onleesbaar adres",
                            "een gecodeerde slash (%" + code + ") in het pad wordt niet aangenomen:"
                                    + " een padsegment (een id) bevat nooit een slash");
                }
            }
        }
        return null;
    }

    // --- outbound -----------------------------------------------------------------------------

    @Override
    public void write(ChannelHandlerContext ctx, Object bericht, ChannelPromise belofte) throws Exception {
        if (bericht instanceof HttpResponse) {
            antwoordBegonnen = true;
        }
        if (vervangen && bericht instanceof HttpContent inhoud) {
            // The body of an answer already replaced by a problem: empty, swallowed.
            boolean laatste = inhoud instanceof LastHttpContent;
            ReferenceCountUtil.release(inhoud);
            if (laatste) {
                vervangen = false;
                klaar();
            }
            belofte.setSuccess();
            return;
        }
        if (bericht instanceof HttpResponse antwoord && !head && kaleFout(antwoord)) {
            Diagnose reden = diagnose != null && diagnose.status() == antwoord.status().code() ? diagnose
                    : algemeen(antwoord.status());
            boolean volledig = antwoord instanceof FullHttpResponse;
            FullHttpResponse probleem = probleem(reden, false);
            probleem.setProtocolVersion(antwoord.protocolVersion());
            antwoord.headers().forEach(kop -> {
                if (!kop.getKey().equalsIgnoreCase(HttpHeaderNames.CONTENT_LENGTH.toString())
                        && !kop.getKey().equalsIgnoreCase(HttpHeaderNames.TRANSFER_ENCODING.toString())) {
                    probleem.headers().set(kop.getKey(), kop.getValue());
                }
            });
            ReferenceCountUtil.release(antwoord);
            if (volledig) {
                klaar();
            } else {
                vervangen = true;
            }
            ctx.write(probleem, belofte);
            return;
        }
        if (bericht instanceof LastHttpContent) {
            klaar();
        }
        super.write(ctx, bericht, belofte);
    }

    /** The answer to this request is complete: the next bytes start a new request. */
    private void klaar() {
        inVerzoek = false;
        diagnose = null;
    }

    /** An error status with neither a body nor a content type: what nobody meant to show a caller. */
    private static boolean kaleFout(HttpResponse antwoord) {
        if (antwoord.status().code() < 400 || antwoord.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            return false;
        }
        if (antwoord instanceof FullHttpResponse volledig) {
            return volledig.content().readableBytes() == 0;
        }
        return "0".equals(antwoord.headers().get(HttpHeaderNames.CONTENT_LENGTH));
    }

    private static Diagnose algemeen(HttpResponseStatus status) {
        return switch (status.code()) {
            case 400 -> new Diagnose(400, TYPE_ONLEESBAAR, "Onleesbaar verzoek",
                    "het verzoek is niet volgens HTTP (bijvoorbeeld het adres of een kopregel)");
            case 408 -> new Diagnose(408, "urn:klantreis:probleem:te-traag", "Verzoek te traag",
                    "het verzoek kwam niet op tijd binnen; de verbinding wordt gesloten");
            case 413 -> new Diagnose(413, "urn:klantreis:probleem:te-groot", "Verzoek te groot",
                    "het verzoek is groter dan de engine aanneemt");
            case 414 -> new Diagnose(414, "urn:klantreis:probleem:adres-te-lang", "Adres te lang",
                    "het adres is langer dan de engine aanneemt");
            case 431 -> new Diagnose(431, "urn:klantreis:probleem:kopregels-te-groot", "Kopregels te groot",
                    "de kopregels van het verzoek zijn samen groter dan de engine aanneemt");
            default -> new Diagnose(status.code(), "about:blank", status.reasonPhrase(),
                    "het verzoek is geweigerd (" + status.code() + ")");
        };
    }

    static FullHttpResponse probleem(Diagnose reden, boolean alleenKop) {
        String json = "{\"type\":\"" + reden.type() + "\",\"title\":\"" + json(reden.titel()) + "\",\"status\":"
                + reden.status() + ",\"detail\":\"" + json(reden.detail()) + "\"}";
        ByteBuf inhoud = alleenKop ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        FullHttpResponse antwoord = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reden.status()), inhoud);
        antwoord.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        antwoord.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, inhoud.readableBytes());
        return antwoord;
    }

    private static String json(String tekst) {
        return tekst.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Before the HTTP codec: tells the {@link Verzoekwachter} of the same connection that bytes
     * came in, so the header clock starts at the first byte of a request.
     */
    static final class Kopklok extends ChannelInboundHandlerAdapter {
        static final String NAAM = "klantreis.kopklok";
        private final Verzoekwachter wachter;

        Kopklok(Verzoekwachter wachter) {
            this.wachter = wachter;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object bericht) throws Exception {
            ChannelHandlerContext wachterContext = ctx.pipeline().context(wachter);
            if (wachterContext != null) {
                wachter.bytesOntvangen(wachterContext);
            }
            super.channelRead(ctx, bericht);
        }
    }
}
