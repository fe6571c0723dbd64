package io.firebreak.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        user = new NewUser(user.username(), user.displayName().strip(), optionalEmail(user.email()),
                optionalPhone(user.phone()),
                user.locale() == null || user.locale().isBlank() ? null : parseLocale(user.locale()),
                user.timeZone() == null || user.timeZone().isBlank() ? "UTC" : parseZone(user.timeZone()),
                user.role(), user.password());
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
        String newLocale = locale == null || locale.isBlank() ? before.locale() : parseLocale(locale);
        String zone = timeZone == null || timeZone.isBlank() ? before.timeZone().getId() : parseZone(timeZone);
        users.updatePreferences(before.id(), newLocale, zone);
        audit.record(username, "user", String.valueOf(before.id()), "preferences-changed", before, get(before.id()));
    }

    /**
     * An administrator's change to any user. Refuses with {@link ConflictException} to demote or
     * disable the last enabled admin, so Firebreak can always be administered.
     */
    @Transactional
    public UserView update(long id, UserUpdate change, String actor) {
        UserView before = get(id);
        requireDisplayName(change.displayName());
        String email = optionalEmail(change.email());
        String phone = optionalPhone(change.phone());
        String locale = change.locale() == null || change.locale().isBlank() ? null : parseLocale(change.locale());
        String zone = change.timeZone() == null || change.timeZone().isBlank() ? before.timeZone().getId()
                : parseZone(change.timeZone());
        Role role = change.role() == null ? before.role() : change.role();
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        boolean newPassword = change.password() != null && !change.password().isEmpty();
        if (newPassword) {
            requirePassword("password", change.password());
        }
        if (before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled)) {
            List<Long> admins = users.lockEnabledAdmins();
            if (admins.size() <= 1 && admins.contains(id)) {
                throw new ConflictException(
                        "This is the last enabled admin: make someone else an admin first.");
            }
        }
        users.update(id, change.displayName().strip(), email, phone, locale, zone, role, enabled);
        UserView after = get(id);
        if (!after.equals(before)) {
            audit.record(actor, "user", String.valueOf(id), "updated", before, after);
        }
        if (newPassword) {
            users.updatePassword(id, passwordEncoder.encode(change.password()));
            audit.record(actor, "user", String.valueOf(id), "password-reset", null, Map.of("passwordChanged", true));
        }
        return after;
    }

    /** A person's change to their own display name, contact details, language and time zone. */
    @Transactional
    public UserView updateProfile(String username, ProfileUpdate change) {
        UserView before = getByUsername(username);
        requireDisplayName(change.displayName());
        String email = optionalEmail(change.email());
        String phone = optionalPhone(change.phone());
        String locale = change.locale() == null || change.locale().isBlank() ? before.locale()
                : parseLocale(change.locale());
        String zone = change.timeZone() == null || change.timeZone().isBlank() ? before.timeZone().getId()
                : parseZone(change.timeZone());
        users.update(before.id(), change.displayName().strip(), email, phone, locale, zone, before.role(),
                before.enabled());
        UserView after = get(before.id());
        if (!after.equals(before)) {
            audit.record(username, "user", String.valueOf(before.id()), "profile-changed", before, after);
        }
        return after;
    }

    /**
     * Changes the profile and, when {@code newPassword} is given, the password, all or nothing:
     * a wrong {@code currentPassword} leaves the profile unchanged too.
     */
    @Transactional
    public UserView updateProfile(String username, ProfileUpdate change, String currentPassword, String newPassword) {
        UserView after = updateProfile(username, change);
        if (newPassword != null && !newPassword.isEmpty()) {
            changePassword(username, currentPassword, newPassword);
        }
        return after;
    }

    /**
     * Changes a person's own password after checking the current one; a wrong current password is
     * an {@link InvalidInputException} on {@code currentPassword}.
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        UserView user = getByUsername(username);
        String hash = users.passwordHash(username).orElseThrow();
        if (currentPassword == null || currentPassword.isEmpty() || !passwordEncoder.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        requirePassword("newPassword", newPassword);
        users.updatePassword(user.id(), passwordEncoder.encode(newPassword));
        audit.record(username, "user", String.valueOf(user.id()), "password-changed", null,
                Map.of("passwordChanged", true));
    }

    private static void validate(NewUser user) {
        if (user.username() == null || !user.username().matches("[A-Za-z0-9._-]{2,64}")) {
            throw new InvalidInputException("username", "must be 2-64 letters, digits, '.', '_' or '-'");
        }
        requireDisplayName(user.displayName());
        if (user.role() == null) {
            throw new InvalidInputException("role", "must be one of VIEWER, RESPONDER, COMMANDER, ADMIN");
        }
        requirePassword("password", user.password());
        optionalEmail(user.email());
        optionalPhone(user.phone());
        if (user.locale() != null && !user.locale().isBlank()) {
            parseLocale(user.locale());
        }
        if (user.timeZone() != null && !user.timeZone().isBlank()) {
            parseZone(user.timeZone());
        }
    }

    private static void requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new InvalidInputException("displayName", "must be 1-200 characters");
        }
    }

    private static void requirePassword(String field, String password) {
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw new InvalidInputException(field, "must be 8-200 characters");
        }
    }

    private static String optionalEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip();
        if (e.length() > 320 || !e.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("email", "is not an email address");
        }
        return e;
    }

    private static String optionalPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip();
        if (!p.matches("[0-9+()\\-. xX#*]{3,40}")) {
            throw new InvalidInputException("phone", "must be 3-40 digits, spaces and + ( ) - .");
        }
        return p;
    }

    private static String parseLocale(String locale) {
        Locale parsed = Locale.forLanguageTag(locale.strip());
        if (locale.strip().length() > 16 || parsed.getLanguage().isEmpty()) {
            throw new InvalidInputException("locale", "is not a language tag");
        }
        return parsed.toLanguageTag();
    }

    private static String parseZone(String zone) {
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a known time zone");
        }
    }
}
