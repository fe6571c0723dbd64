package io.firebreak.web;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;

/**
 * Chooses each person's language and time zone: an explicit switch ({@code ?lang=}) is kept in
 * the session and saved to their profile; otherwise their profile decides; otherwise the
 * browser's {@code Accept-Language} among the supported languages (zh-CN, en).
 */
class UserLocaleResolver extends SessionLocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final UserManagement users;

    UserLocaleResolver(UserManagement users) {
        this.users = users;
        setDefaultLocaleFunction(this::determineDefaultLocale);
        setDefaultTimeZoneFunction(this::determineDefaultTimeZone);
    }

    private Locale determineDefaultLocale(HttpServletRequest request) {
        return CurrentUsers.of(request, users).map(UserView::locale).filter(l -> l != null && !l.isBlank())
                .map(Locale::forLanguageTag)
                .map(UserLocaleResolver::supported)
                .orElseGet(() -> fromBrowser(request));
    }

    private TimeZone determineDefaultTimeZone(HttpServletRequest request) {
        return CurrentUsers.of(request, users).map(u -> TimeZone.getTimeZone(u.timeZone())).orElse(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? null : supported(locale);
        super.setLocale(request, response, chosen);
        if (chosen != null) {
            CurrentUsers.of(request, users).ifPresent(u -> users.updatePreferences(u.username(), chosen.toLanguageTag(), null));
        }
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header),
                    List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE, Locale.ENGLISH));
            return best == null ? Locale.ENGLISH : supported(best);
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    static Locale supported(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
