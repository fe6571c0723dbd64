package io.firebreak.severity.internal;

import java.util.List;
import java.util.Locale;

/** Picks the English or Chinese text of a bilingual pair for a locale, falling back to the other. */
public final class Texts {

    private Texts() {
    }

    public static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    public static String pick(Locale locale, String en, String zh) {
        String first = chinese(locale) ? zh : en;
        String second = chinese(locale) ? en : zh;
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null ? "" : second;
    }

    public static List<String> pick(Locale locale, List<String> en, List<String> zh) {
        List<String> first = chinese(locale) ? zh : en;
        return first != null && !first.isEmpty() ? first : (chinese(locale) ? en : zh);
    }
}
