package io.firebreak.severity.internal;

/** A stored scheme with its texts in both languages. */
public record SchemeRow(String code, int position, String nameEn, String nameZh, String descriptionEn,
        String descriptionZh, boolean active) {
}
