package io.firebreak.alert;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

import io.firebreak.shared.PageRequest;
import io.firebreak.shared.PageResult;

/**
 * The alert module's facade for other modules.
 * <p>
 * SKELETON: the signatures are the contract; the implementation lands with the alert module.
 */
@Service
public class AlertManagement {

    /** Returns the alert or throws {@code NotFoundException}. */
    public AlertView get(long id) { throw todo(); }

    /** The alerts with these ids (unknown ids are left out), in id order. */
    public List<AlertView> getAll(Collection<Long> ids) { throw todo(); }

    public PageResult<AlertView> search(AlertFilter filter, PageRequest page) { throw todo(); }

    /** Up to {@code limit} feed entries with a seq greater than {@code afterSeq}, in seq order. */
    public List<AlertFeedEntry> feedAfter(long afterSeq, int limit) { throw todo(); }

    /** Returns the integration or throws {@code NotFoundException}. */
    public IntegrationView integration(long id) { throw todo(); }

    /** Stores an internal alert (dedup by fingerprint among PROBE alerts) and returns it once committed. */
    public AlertView raise(InternalAlert alert) { throw todo(); }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("alert module not implemented yet");
    }
}
