package com.ai2aim.rx.notifications.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * RestClient on the JDK's HttpClient with connect and read timeouts. Chosen explicitly: with Apache HttpClient 5 on
 * the class path (HAPI brings it) RestClient would pick it and silently re-send on 429/503, while the outbox must be
 * the only thing that retries. HTTP/1.1 because the JDK client's cleartext HTTP/2 upgrade of a streamed body breaks
 * against some servers (WireMock's Jetty answered EOF), and one message per request gains nothing from HTTP/2.
 */
final class PartnerHttp {

    private PartnerHttp() {}

    static RestClient client(String baseUrl, Duration timeout) {
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(factory);
        if (baseUrl != null && !baseUrl.isBlank()) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }
}
