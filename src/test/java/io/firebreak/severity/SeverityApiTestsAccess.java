package io.firebreak.severity;

/** Lets tests in sub-packages restore a level with {@link SeverityApiTests#change}. */
public final class SeverityApiTestsAccess {

    private SeverityApiTestsAccess() {
    }

    public static SeverityLevelChange change(SeverityLevelDefinition d) {
        return SeverityApiTests.change(d);
    }
}
