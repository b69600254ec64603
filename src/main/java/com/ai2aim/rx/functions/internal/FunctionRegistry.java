package com.ai2aim.rx.functions.internal;

import com.ai2aim.rx.functions.RxFunction;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link RxFunction} bean by name. Refuses to start on a duplicate or ill-formed name rather than pick one. */
@Component
class FunctionRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<String, RxFunction<?, ?>> byName = new TreeMap<>();

    FunctionRegistry(ObjectProvider<RxFunction<?, ?>> functions) {
        for (RxFunction<?, ?> function : functions.orderedStream().toList()) {
            String name = function.name();
            if (name == null || name.length() > 64 || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("function name must be lower-case words joined by hyphens: " + name);
            }
            if (function.timeout() == null || function.timeout().isNegative() || function.timeout().isZero()) {
                throw new IllegalStateException("function " + name + " needs a positive timeout");
            }
            if (byName.putIfAbsent(name, function) != null) {
                throw new IllegalStateException("two functions are named " + name);
            }
        }
    }

    Optional<RxFunction<?, ?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Collection<RxFunction<?, ?>> all() {
        return byName.values();
    }
}
