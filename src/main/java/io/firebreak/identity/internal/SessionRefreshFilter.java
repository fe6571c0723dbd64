package io.firebreak.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.firebreak.identity.UserView;

/**
 * Keeps signed-in UI sessions in step with the user table: a session of a user who has been
 * disabled ends at their next request, and a changed role takes effect at once instead of at the
 * next sign-in (a demoted admin must not keep admin rights for the life of a session).
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    private final UserRepository users;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionRefreshFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()) {
            UserView user = users.findByUsername(auth.getName()).orElse(null);
            if (user == null || !user.enabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!hasExactly(auth, user.role().authority())) {
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                        List.of(new SimpleGrantedAuthority(user.role().authority())));
                refreshed.setDetails(auth.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasExactly(Authentication auth, String authority) {
        var granted = auth.getAuthorities();
        return granted.size() == 1 && granted.stream().map(GrantedAuthority::getAuthority).allMatch(authority::equals);
    }
}
