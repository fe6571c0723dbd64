package io.firebreak.severity;

import java.util.List;

/** A severity scheme with its levels, most severe first. Exactly one scheme is active. */
public record SeveritySchemeView(String code, String name, String description, boolean active,
        List<SeverityLevelView> levels) {

    public SeveritySchemeView {
        levels = List.copyOf(levels);
    }
}
