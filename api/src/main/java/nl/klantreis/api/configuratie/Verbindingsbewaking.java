package nl.klantreis.api.configuratie;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.NettyPipeline;

/**
 * How long the engine waits for a slow client (ADR 0013). Without limits a client that sends its
 * header lines a byte at a time, or stalls halfway through a body, holds a connection for minutes
 * (slow loris). Each bound is configurable:
 * <ul>
 * <li>{@code server.netty.idle-timeout} (application.yml): an idle kept-alive connection between
 * requests is closed;</li>
 * <li>{@code klantreis.http.kopregels-binnen}: from the first byte of a request to its complete
 * header lines, else 408 and closed ({@link Verzoekwachter}, as the two below);</li>
 * <li>{@code klantreis.http.leespauze}: the longest pause while reading a body;</li>
 * <li>{@code klantreis.http.inhoud-binnen}: the whole body, generous, for a large batch on a slow
 * line.</li>
 * </ul>
 * None of them touches an answer being sent: a live stream (SSE) is long-lived by design and its
 * request has no body.
 */
@Configuration(proxyBeanMethods = false)
class Verbindingsbewaking {
    private static final Logger LOG = LoggerFactory.getLogger(Verbindingsbewaking.class);

    @Bean
    NettyServerCustomizer wachttijden(
            @Value("${klantreis.http.kopregels-binnen:10s}") Duration kopregelsBinnen,
            @Value("${klantreis.http.leespauze:30s}") Duration leespauze,
            @Value("${klantreis.http.inhoud-binnen:120s}") Duration inhoudBinnen) {
        if (kopregelsBinnen.isNegative() || leespauze.isNegative() || inhoudBinnen.isNegative()) {
            throw new IllegalArgumentException("klantreis.http.*: geen negatieve wachttijden");
        }
        LOG.info("HTTP: kopregels binnen {}, leespauze {}, inhoud binnen {}", kopregelsBinnen, leespauze, inhoudBinnen);
        return server -> server.doOnChannelInit((waarnemer, kanaal, adres) -> {
            if (kanaal.pipeline().get(NettyPipeline.HttpCodec) == null) {
                return;
            }
            Verzoekwachter wachter = new Verzoekwachter(kopregelsBinnen, leespauze, inhoudBinnen);
            kanaal.pipeline().addAfter(NettyPipeline.HttpCodec, Verzoekwachter.NAAM, wachter);
            kanaal.pipeline().addBefore(NettyPipeline.HttpCodec, Verzoekwachter.Kopklok.NAAM,
                    new Verzoekwachter.Kopklok(wachter));
        });
    }
}
