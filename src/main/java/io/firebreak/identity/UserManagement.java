package io.firebreak.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.internal.UserRepository;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/** The identity module's facade for users: look-ups for other modules, and changes that are audited. */
@Service
public class UserManagement {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditManagement audit;
    private final Clock clock;

    UserManagement(UserRepository users, PasswordEncoder passwordEncoder, AuditManagement audit, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<UserView> findByUsername(String username) {
        return users.findByUsername(username);
    }

    public Optional<UserView> findById(long id) {
        return users.findById(id);
    }

    /** Returns the user or throws {@link NotFoundException}. */
    public UserView get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id));
    }

    /** Returns the user or throws {@link NotFoundException}. */
    public UserView getByUsername(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("No user named " + username));
    }

    public List<UserView> list() {
        return users.findAll();
    }

    public boolean anyUserExists() {
        return users.count() > 0;
    }

    /** Creates a user after validating every field; the audit entry commits with it. */
    @Transactional
    public UserView create(NewUser user, String actor) {
        validate(user);
        if (users.findByUsername(user.username()).isPresent()) {
            throw new ConflictException("A user named " + user.username() + " already exists.");
        }
        long id = users.insert(user, passwordEncoder.encode(user.password()), clock.instant());
        UserView created = get(id);
        audit.record(actor, "user", String.valueOf(id), "created", null, created);
        return created;
    }

    /** Stores a user's own language and time zone choice. */
    @Transactional
    public void updatePreferences(String username, String locale, String timeZone) {
        UserView before = getByUsername(username);
        if (locale != null && !locale.isBlank() && Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
            throw new InvalidInputException("locale", "is not a language tag");
        }
        String zone = timeZone == null || timeZone.isBlank() ? before.timeZone().getId() : parseZone(timeZone);
        users.updatePreferences(before.id(), locale == null || locale.isBlank() ? before.locale() : locale, zone);
        audit.record(username, "user", String.valueOf(before.id()), "preferences-changed", before, get(before.id()));
    }

    private static void validate(NewUser user) {
        if (user.username() == null || !user.username().matches("[A-Za-z0-9._-]{2,64}")) {
            throw new InvalidInputException("username", "must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (user.displayName() == null || user.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "must not be blank");
        }
        if (user.role() == null) {
            throw new InvalidInputException("role", "must be one of VIEWER, RESPONDER, COMMANDER, ADMIN");
        }
        if (user.password() == null || user.password().length() < 8) {
            throw new InvalidInputException("password", "must be at least 8 characters");
        }
        if (user.email() != null && !user.email().isBlank() && !user.email().matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("email", "is not an email address");
        }
        if (user.timeZone() != null && !user.timeZone().isBlank()) {
            parseZone(user.timeZone());
        }
    }

    private static String parseZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a known time zone");
        }
    }
}
