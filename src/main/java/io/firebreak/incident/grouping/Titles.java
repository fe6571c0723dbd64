package io.firebreak.incident.grouping;

/** The title grouping gives an incident: "[FIRING:3] HighErrorRate checkout" or "[RESOLVED] …". */
final class Titles {

    static final int BASE_MAX = 180;

    private Titles() {
    }

    static String base(String alertTitle) {
        String t = alertTitle == null || alertTitle.isBlank() ? "alert" : alertTitle.strip().replaceAll("\\s+", " ");
        return GroupingStore.cut(t, BASE_MAX);
    }

    static String of(String base, int firing) {
        return (firing > 0 ? "[FIRING:" + firing + "] " : "[RESOLVED] ") + base;
    }
}
