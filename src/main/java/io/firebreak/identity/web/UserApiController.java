package io.firebreak.identity.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.identity.NewUser;
import io.firebreak.identity.ProfileUpdate;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserUpdate;
import io.firebreak.identity.UserView;
import io.firebreak.shared.InvalidInputException;

/**
 * {@code /api/v1/users}: everyone may read users (for pickers); only admins create and change them;
 * everyone may change their own profile at {@code /me}. Password hashes are never returned.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final UserManagement users;

    UserApiController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    List<UserView> list() {
        return users.list();
    }

    @GetMapping("/me")
    UserView me(Principal principal) {
        return users.getByUsername(principal.getName());
    }

    /** Any signed-in person, including a viewer, may change their own profile. */
    @PutMapping("/me")
    @PreAuthorize("hasRole('VIEWER')")
    UserView updateMe(Principal principal, @RequestBody(required = false) ProfileRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        return users.updateProfile(principal.getName(), new ProfileUpdate(request.displayName(),
                request.email(), request.phone(), request.locale(), request.timeZone()),
                request.currentPassword(), request.password());
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    UserView create(Principal principal, @RequestBody(required = false) CreateRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        return users.create(new NewUser(request.username(), request.displayName(), request.email(), request.phone(),
                request.locale(), request.timeZone(), request.role(), request.password()), principal.getName());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserView update(Principal principal, @PathVariable long id, @RequestBody(required = false) UpdateRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        return users.update(id, new UserUpdate(request.displayName(), request.email(), request.phone(),
                request.locale(), request.timeZone(), request.role(), request.enabled(), request.password()),
                principal.getName());
    }

    record CreateRequest(String username, String displayName, String email, String phone, String locale,
            String timeZone, Role role, String password) {
    }

    record UpdateRequest(String displayName, String email, String phone, String locale, String timeZone, Role role,
            Boolean enabled, String password) {
    }

    /** {@code password} (the new one) needs {@code currentPassword}. */
    record ProfileRequest(String displayName, String email, String phone, String locale, String timeZone,
            String currentPassword, String password) {
    }
}
