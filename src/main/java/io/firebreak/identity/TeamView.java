package io.firebreak.identity;

import java.util.List;

/** A read-only view of one team and the ids of its members. */
public record TeamView(long id, String name, String description, List<Long> memberIds) {

    public TeamView {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
