package io.firebreak.oncall;

import java.time.LocalDate;
import java.util.List;

/** One layer of a schedule: a rotation of {@code participantIds} in order; higher positions win. */
public record LayerView(long id, int position, String name, ShiftKind shiftKind, int shiftLength, String handoffTime,
        LocalDate startDate, LocalDate endDate, List<Long> participantIds) {

    public LayerView {
        participantIds = List.copyOf(participantIds);
    }
}
