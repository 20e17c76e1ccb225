package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/** The handler on its own: its diagnoses, and the safety net for bare error answers. */
class VerzoekwachterTest {

    private static EmbeddedChannel kanaal() {
        return new EmbeddedChannel(new Verzoekwachter(Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void eenKaleFoutZonderInhoud_wordtEenProbleemMetDezelfdeStatus() {
        EmbeddedChannel kanaal = kanaal();
        kanaal.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/mijnzaken"));
        kanaal.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST));

        FullHttpResponse antwoord = kanaal.readOutbound();
        assertThat(antwoord.status().code()).isEqualTo(400);
        assertThat(antwoord.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        String inhoud = antwoord.content().toString(StandardCharsets.UTF_8);
        assertThat(inhoud).contains("\"status\":400").contains("Onleesbaar verzoek");
        assertThat(antwoord.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
                .isEqualTo(inhoud.getBytes(StandardCharsets.UTF_8).length);
        antwoord.release();
    }

    @Test
    void eenKaleFoutInDelen_wordtVervangen_enHaarLegeInhoudGeslikt() {
        EmbeddedChannel kanaal = kanaal();
        DefaultHttpResponse kop = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT);
        kop.headers().set(HttpHeaderNames.CONTENT_LENGTH, "0");
        kanaal.writeOutbound(kop, LastHttpContent.EMPTY_LAST_CONTENT);

        FullHttpResponse antwoord = kanaal.readOutbound();
        assertThat(antwoord.status().code()).isEqualTo(408);
        assertThat(antwoord.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat((Object) kanaal.readOutbound()).isNull();
        antwoord.release();
    }

    @Test
    void eenFoutMetInhoud_ofOpEenHeadVerzoek_blijftZoalsHetIs() {
        EmbeddedChannel kanaal = kanaal();
        FullHttpResponse metInhoud = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        metInhoud.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        kanaal.writeOutbound(metInhoud);
        assertThat((Object) kanaal.readOutbound()).isSameAs(metInhoud);

        kanaal.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/api/v1/mijnzaken"));
        FullHttpResponse kaal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED);
        kanaal.writeOutbound(kaal);
        assertThat((Object) kanaal.readOutbound()).isSameAs(kaal);
    }

    @Test
    void diagnoses() {
        assertThat(Verzoekwachter.diagnose(DecoderResult.failure(new TooLongHttpLineException("lang")), "/bad-request")
                .status()).isEqualTo(414);
        assertThat(Verzoekwachter.diagnose(DecoderResult.failure(new TooLongHttpHeaderException("groot")), "/")
                .status()).isEqualTo(431);
        assertThat(Verzoekwachter.diagnose(DecoderResult.failure(new IllegalArgumentException("x")), "/").status())
                .isEqualTo(400);
        assertThat(Verzoekwachter.diagnose(DecoderResult.SUCCESS, "/api/v1/mijnzaken?alsOp=2026-03-10T00%3A00%3A00Z"))
                .isNull();
        assertThat(Verzoekwachter.diagnose(DecoderResult.SUCCESS, "/api/v1/kpi?x=a%2Fb")).as("%2F in de query mag")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/mijnzaken/a%2Fb", "/api/v1/mijnzaken/a%5cb", "/x/%zz", "/x/%", "/x/%4",
            "/x?q=%g0", "/x?q=\u00e9", "/x/\u0001", "/x?q=a b"})
    void onleesbareAdressen(String adres) {
        Verzoekwachter.Diagnose diagnose = Verzoekwachter.diagnose(DecoderResult.SUCCESS, adres);
        assertThat(diagnose).isNotNull();
        assertThat(diagnose.status()).isEqualTo(400);
        assertThat(diagnose.type()).isEqualTo(Verzoekwachter.TYPE_ONLEESBAAR);
    }
}
