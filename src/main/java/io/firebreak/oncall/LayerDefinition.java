package io.firebreak.oncall;

import java.time.LocalDate;
import java.util.List;

/**
 * What an admin gives to add or change a layer. {@code shiftLength} counts days or hours for the
 * custom kinds and is ignored otherwise; {@code handoffTime} is "HH:mm" in the schedule's zone;
 * the layer runs from {@code startDate} to the optional, exclusive {@code endDate}; a null
 * {@code position} puts a new layer on top.
 */
public record LayerDefinition(String name, Integer position, ShiftKind shiftKind, Integer shiftLength,
        String handoffTime, LocalDate startDate, LocalDate endDate, List<Long> participantIds) {
}
