package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.SessionCookies;
import com.ai2aim.rx.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supabase Auth (GoTrue) endpoints. Successful bodies keep GoTrue's shapes, which supabase-js parses; errors use
 * the platform envelope (see docs/adr/0002).
 */
@Tag(name = "Auth", description = "Supabase-compatible sign-in, tokens and admin user creation")
@RestController
@RequestMapping("/auth/v1")
class AuthController {

    private final SignIn signIn;
    private final UserService users;

    AuthController(SignIn signIn, UserService users) {
        this.signIn = signIn;
        this.users = users;
    }

    @Operation(summary = "Sign in with a password or rotate a refresh token",
            description = "grant_type=password with {email, password}, or grant_type=refresh_token with {refresh_token}. "
                    + "session=cookie also sets an HttpOnly session cookie and an XSRF-TOKEN cookie for browser use.")
    @PostMapping("/token")
    TokenResponse token(@RequestParam("grant_type") String grantType, @RequestParam(required = false) String session,
                        @Valid @RequestBody UserRequests.Token body, HttpServletRequest request, HttpServletResponse response) {
        TokenResponse tokens = switch (grantType) {
            case "password" -> signIn.withPassword(body.email(), body.password());
            case "refresh_token" -> signIn.withRefreshToken(body.refreshToken());
            default -> throw ApiException.invalid("grant_type", "must be password or refresh_token");
        };
        if ("cookie".equals(session)) {
            SessionCookies.issue(request, response, tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn()));
        }
        return tokens;
    }

    @Operation(summary = "Sign out", description = "scope=global (default), local or others")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestParam(required = false) String scope, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = Actors.required();
        signIn.signOut(actor, scope);
        SessionCookies.clear(request, response);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The signed-in user")
    @GetMapping("/user")
    GoTrueUser user() {
        return GoTrueUser.of(users.get(Actors.required().userId()));
    }

    @Operation(summary = "Create a user (admin)", description = "GoTrue's admin body: {email, password, user_metadata, app_metadata:{rx_role, org_id}}")
    @PostMapping("/admin/users")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    ResponseEntity<GoTrueUser> createUser(@Valid @RequestBody UserRequests.AdminCreate body) {
        UserView created = users.create(body);
        return ResponseEntity.status(HttpStatus.CREATED).body(GoTrueUser.of(created));
    }

    @Operation(summary = "Auth service health", description = "GoTrue's health document.")
    @GetMapping("/health")
    Map<String, Object> health() {
        return Map.of("name", "GoTrue", "version", "ai2aim-rx", "description", "GoTrue-compatible auth of AI2AIM RX");
    }

    @Operation(summary = "Auth settings", description = "What supabase-js asks for: which providers are enabled.")
    @GetMapping("/settings")
    Map<String, Object> settings() {
        return Map.of("external", Map.of("email", true, "phone", false), "disable_signup", true, "mailer_autoconfirm", true);
    }
}
