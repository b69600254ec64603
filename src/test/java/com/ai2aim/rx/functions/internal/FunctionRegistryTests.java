package com.ai2aim.rx.functions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.functions.RxFunction;
import com.ai2aim.rx.functions.TransientFunctionException;
import com.ai2aim.rx.platform.security.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class FunctionRegistryTests {

    record In(String x) {}

    static RxFunction<In, String> named(String name, Duration timeout) {
        return new RxFunction<>() {
            @Override public String name() { return name; }
            @Override public Class<In> inputType() { return In.class; }
            @Override public Set<Role> allowedRoles() { return Set.of(Role.ADMIN); }
            @Override public Duration timeout() { return timeout; }
            @Override public String invoke(In input) { return input.x(); }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static FunctionRegistry registryOf(RxFunction<?, ?>... functions) {
        Map<String, Object> beans = new LinkedHashMap<>();
        for (int i = 0; i < functions.length; i++) {
            beans.put("f" + i, functions[i]);
        }
        ObjectProvider provider = new StaticListableBeanFactory(beans).getBeanProvider(RxFunction.class);
        return new FunctionRegistry(provider);
    }

    @Test
    void findsFunctionsByNameAndListsThemInNameOrder() {
        FunctionRegistry registry = registryOf(named("b-check", Duration.ofSeconds(1)), named("a-check", Duration.ofSeconds(1)));

        assertThat(registry.find("a-check")).isPresent();
        assertThat(registry.find("c-check")).isEmpty();
        assertThat(registry.all()).extracting(RxFunction::name).containsExactly("a-check", "b-check");
    }

    @Test
    void refusesTwoFunctionsWithOneName() {
        assertThatThrownBy(() -> registryOf(named("same", Duration.ofSeconds(1)), named("same", Duration.ofSeconds(2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "under_score", "-leading", "trailing-", "double--hyphen", "has space", "1digit-first"})
    void refusesNamesThatAreNotLowerCaseWordsJoinedByHyphens(String name) {
        assertThatThrownBy(() -> registryOf(named(name, Duration.ofSeconds(1)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAMissingOrNonPositiveTimeout() {
        assertThatThrownBy(() -> registryOf(named("no-timeout", null))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> registryOf(named("zero", Duration.ZERO))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTransientFunctionExceptionsAreTransientByDefault() {
        RxFunction<In, String> f = named("f", Duration.ofSeconds(1));

        assertThat(f.isTransient(new TransientFunctionException("busy"))).isTrue();
        assertThat(f.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
