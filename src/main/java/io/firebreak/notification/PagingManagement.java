package io.firebreak.notification;

import java.util.List;

import org.springframework.stereotype.Service;

import io.firebreak.notification.internal.PersonalPages;

/**
 * Pages people: the notification module's facade for escalation and clock rules.
 */
@Service
public class PagingManagement {

    private final PersonalPages pages;

    PagingManagement(PersonalPages pages) {
        this.pages = pages;
    }

    /**
     * Queues a page (template PAGE, with an acknowledge link) to the person through their personal
     * notification rules, each contact method after its delay (none set: email at once), in the
     * caller's transaction, so the page commits with the step that caused it. The same
     * {@code dedupKey} never queues twice: a repeat returns the ids queued the first time. Pages
     * not yet sent are cancelled when the incident is acknowledged or resolved. Returns the
     * outbox message ids (empty when the person has no way to be reached; the ledger then holds a
     * FAILED entry saying why).
     */
    public List<Long> page(PageRequest request) {
        return pages.page(request);
    }
}
