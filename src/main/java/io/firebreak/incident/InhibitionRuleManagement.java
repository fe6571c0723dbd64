package io.firebreak.incident;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.incident.grouping.GroupingStore;
import io.firebreak.incident.grouping.Matchers;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The inhibition rules applied when alerts are grouped into incidents (see
 * {@link InhibitionRuleView}). Changes are audited; roles are checked by the callers (admins).
 */
@Service
public class InhibitionRuleManagement {

    private final GroupingStore store;
    private final AuditManagement audit;
    private final Clock clock;

    InhibitionRuleManagement(GroupingStore store, AuditManagement audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<InhibitionRuleView> list() {
        return store.rules();
    }

    /** Returns the rule or throws {@code NotFoundException}. */
    @Transactional(readOnly = true)
    public InhibitionRuleView get(long id) {
        return store.rule(id).orElseThrow(() -> new NotFoundException("No inhibition rule " + id));
    }

    /** Creates a rule; bad matchers (unknown op, invalid regular expression) name the field. */
    @Transactional
    public InhibitionRuleView create(NewInhibitionRule rule, String actor) {
        if (rule == null) {
            throw new InvalidInputException("body", "is required");
        }
        if (rule.name() == null || rule.name().isBlank() || rule.name().strip().length() > 100) {
            throw new InvalidInputException("name", "is required (at most 100 characters)");
        }
        var source = Matchers.validate("source", rule.source(), true);
        var target = Matchers.validate("target", rule.target(), true);
        List<String> equal = new ArrayList<>();
        List<String> given = rule.equal() == null ? List.of() : rule.equal();
        if (given.size() > 20) {
            throw new InvalidInputException("equal", "has more than 20 labels");
        }
        for (int i = 0; i < given.size(); i++) {
            String label = given.get(i);
            if (label == null || label.isBlank() || label.length() > 100) {
                throw new InvalidInputException("equal[" + i + "]", "must be a label name (at most 100 characters)");
            }
            equal.add(label.strip());
        }
        long id = store.insertRule(rule.name().strip(), source, target, List.copyOf(new LinkedHashSet<>(equal)), actor,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        InhibitionRuleView created = get(id);
        audit.record(actor, "inhibition-rule", String.valueOf(id), "create", null, created);
        return created;
    }

    @Transactional
    public void delete(long id, String actor) {
        InhibitionRuleView rule = get(id);
        store.deleteRule(id);
        audit.record(actor, "inhibition-rule", String.valueOf(id), "delete", rule, null);
    }
}
