package io.firebreak.timeline;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.timeline.internal.TimelineRenderer;
import io.firebreak.timeline.internal.TimelineRepository;

/**
 * The timeline module's facade: the entries of one incident, oldest first, rendered in the current
 * reader's language and time zone (or the ones given).
 */
@Service
public class TimelineManagement {

    private final TimelineRepository repository;
    private final TimelineRenderer renderer;

    TimelineManagement(TimelineRepository repository, TimelineRenderer renderer) {
        this.repository = repository;
        this.renderer = renderer;
    }

    /** Entries of the incident, oldest first, in the language and time zone of the current request. */
    @Transactional(readOnly = true)
    public List<TimelineEntryView> entries(long incidentId) {
        return entries(incidentId, LocaleContextHolder.getLocale(), LocaleContextHolder.getTimeZone().toZoneId());
    }

    @Transactional(readOnly = true)
    public List<TimelineEntryView> entries(long incidentId, Locale locale, ZoneId zone) {
        return repository.entries(incidentId).stream().map(e -> renderer.render(e, locale, zone)).toList();
    }
}
