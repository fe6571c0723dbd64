package io.firebreak.identity.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.identity.IssuedToken;
import io.firebreak.identity.TokenManagement;
import io.firebreak.identity.TokenView;

/** {@code /api/v1/tokens}: the caller's own API tokens. Creation also accepts HTTP Basic. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

    private final TokenManagement tokens;

    TokenApiController(TokenManagement tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(Principal principal, @RequestBody(required = false) TokenRequest request) {
        IssuedToken issued = tokens.create(principal.getName(), request == null ? null : request.name());
        return new CreatedToken(issued.view().id(), issued.view().name(), issued.view().prefix(),
                issued.view().createdAt(), issued.token());
    }

    @GetMapping
    List<TokenView> list(Principal principal) {
        return tokens.list(principal.getName());
    }

    @DeleteMapping("/{id}")
    TokenView revoke(Principal principal, @PathVariable long id) {
        return tokens.revoke(principal.getName(), id);
    }

    record TokenRequest(String name) {
    }

    /** The only answer that ever contains the token's secret. */
    record CreatedToken(long id, String name, String prefix, java.time.Instant createdAt, String token) {
    }
}
