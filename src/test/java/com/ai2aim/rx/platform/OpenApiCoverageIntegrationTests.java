package com.ai2aim.rx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OpenApiCoverageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document;

    @BeforeEach
    void fetchDocument() {
        Api.Response response = new Api(port).get("/v3/api-docs").send();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        document = response.json();
    }

    @Test
    void documentIsOpenApi3WithPaths() {
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isNotBlank();
        assertThat(document.path("paths").size()).isPositive();
    }

    @Test
    void everyControllerRouteIsDocumented() {
        Set<String> routes = controllerRoutes();
        // Guards against a filter that silently drops everything: these routes exist in every build.
        assertThat(routes).contains("POST /auth/v1/token", "GET /api/users", "PUT /api/organizations/{id}", "GET /api/audit/logs");

        Set<String> missing = new TreeSet<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            if (!document.path("paths").path(path).has(method.toLowerCase())) {
                missing.add(route);
            }
        }
        assertThat(missing).as("routes missing from /v3/api-docs").isEmpty();
    }

    /** Every path × method of the service's own controllers (a mapping without methods must at least document GET). */
    private Set<String> controllerRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("com.ai2aim.rx")) {
                continue; // springdoc's own endpoints and other library handlers
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                if (path.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(method.name() + " " + path);
                }
            }
        }
        return routes;
    }
}
