package io.firebreak.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;

/**
 * The signed-in person of a request, looked up once per request: the language, the time zone and
 * the layout all need it, and each would otherwise read the user again.
 */
final class CurrentUsers {

    private static final String ATTRIBUTE = CurrentUsers.class.getName();

    private CurrentUsers() {
    }

    @SuppressWarnings("unchecked")
    static Optional<UserView> of(HttpServletRequest request, UserManagement users) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Optional<?> user) {
            return (Optional<UserView>) user;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Optional<UserView> user = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? Optional.empty() : users.findByUsername(auth.getName());
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }
}
