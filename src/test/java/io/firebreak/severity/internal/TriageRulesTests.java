package io.firebreak.severity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firebreak.severity.BusinessImpact;
import io.firebreak.severity.TriageAnswers;

/** Every branch of the triage rules of each preset, without Spring. */
class TriageRulesTests {

    /** Fluent answers: everything unanswered unless set. */
    private static final class A {
        Boolean down, core, ux, dataLoss, security, money;
        Long users;
        Integer percent;
        BusinessImpact impact;

        A down(boolean v) { down = v; return this; }
        A core(boolean v) { core = v; return this; }
        A ux(boolean v) { ux = v; return this; }
        A dataLoss() { dataLoss = true; return this; }
        A security() { security = true; return this; }
        A money() { money = true; return this; }
        A users(long v) { users = v; return this; }
        A percent(int v) { percent = v; return this; }
        A impact(BusinessImpact v) { impact = v; return this; }

        TriageAnswers answers() {
            return new TriageAnswers(down, core, ux, users, percent, impact, dataLoss, security, money);
        }
    }

    private static A a() {
        return new A();
    }

    private static int rank(String scheme, A a) {
        return TriageRules.evaluate(scheme, a.answers()).get(0).rank();
    }

    private static List<String> codes(String scheme, A a) {
        return TriageRules.evaluate(scheme, a.answers()).stream().map(TriageRules.Hit::code).toList();
    }

    @Nested
    class P0toP3 {

        static final String S = "P0-P3";

        @Test
        void decisionTree() {
            assertThat(rank(S, a().down(true))).isZero();
            assertThat(codes(S, a().down(true).core(true).ux(true))).containsExactly("service-down");
            assertThat(rank(S, a().down(false).core(true))).isEqualTo(1);
            assertThat(codes(S, a().down(false).core(true))).containsExactly("core-function");
            assertThat(rank(S, a().down(false).core(false).ux(true))).isEqualTo(2);
            assertThat(codes(S, a().down(false).core(false).ux(true))).containsExactly("ux-degraded");
            assertThat(rank(S, a().down(false).core(false).ux(false))).isEqualTo(3);
            assertThat(codes(S, a().down(false).core(false).ux(false))).containsExactly("no-user-impact");
        }

        @Test
        void nothingAnsweredIsTheLowestLevelNotAssessed() {
            assertThat(codes(S, a())).containsExactly("not-assessed");
            assertThat(rank(S, a())).isEqualTo(3);
        }

        @Test
        void dataLossAndSecurityEscalateToP0() {
            assertThat(rank(S, a().down(false).core(false).ux(false).dataLoss())).isZero();
            assertThat(rank(S, a().ux(true).security())).isZero();
            assertThat(codes(S, a().ux(true).security().dataLoss()))
                    .containsExactly("data-loss", "security", "ux-degraded");
        }

        @Test
        void moneyLostIsAtLeastP1() {
            assertThat(rank(S, a().ux(true).money())).isEqualTo(1);
            assertThat(rank(S, a().down(true).money())).isZero();
            assertThat(codes(S, a().down(true).money())).containsExactly("service-down", "money-lost");
        }

        @Test
        void shareOfUsers() {
            assertThat(rank(S, a().percent(100))).isEqualTo(1);
            assertThat(codes(S, a().percent(100))).containsExactly("all-users");
            assertThat(rank(S, a().percent(40))).isEqualTo(2);
            assertThat(rank(S, a().users(12))).isEqualTo(2);
            assertThat(codes(S, a().users(12))).containsExactly("users-affected");
            assertThat(codes(S, a().percent(0))).containsExactly("not-assessed");
        }

        @Test
        void businessImpact() {
            assertThat(rank(S, a().ux(true).impact(BusinessImpact.CORE))).isEqualTo(1);
            assertThat(rank(S, a().down(false).core(false).ux(false).impact(BusinessImpact.SECONDARY))).isEqualTo(2);
            assertThat(rank(S, a().impact(BusinessImpact.NONE))).isEqualTo(3);
            assertThat(codes(S, a().impact(BusinessImpact.NONE))).containsExactly("no-business-impact");
        }

        @Test
        void everyFiredRuleIsListedMostSevereFirst() {
            assertThat(codes(S, a().down(false).core(true).percent(50).impact(BusinessImpact.SECONDARY).money()))
                    .containsExactly("core-function", "money-lost", "users-affected", "secondary-business");
        }

        @Test
        void unknownSchemesUseTheP0toP3Rules() {
            assertThat(rank("CUSTOM", a().down(false).core(true))).isEqualTo(1);
            assertThat(codes("CUSTOM", a().security())).containsExactly("security");
        }
    }

    @Nested
    class P1toP4 {

        static final String S = "P1-P4";

        @Test
        void shareOfUsersAffected() {
            assertThat(rank(S, a().percent(100))).isZero();
            assertThat(codes(S, a().percent(100))).containsExactly("share-all");
            assertThat(rank(S, a().percent(30))).isEqualTo(1);
            assertThat(rank(S, a().percent(99))).isEqualTo(1);
            assertThat(codes(S, a().percent(99))).containsExactly("share-major");
            assertThat(rank(S, a().percent(29))).isEqualTo(2);
            assertThat(rank(S, a().percent(1))).isEqualTo(2);
            assertThat(codes(S, a().percent(1))).containsExactly("share-minor");
            assertThat(rank(S, a().percent(0))).isEqualTo(3);
            assertThat(codes(S, a().percent(0))).containsExactly("share-none");
            assertThat(TriageRules.evaluate(S, a().percent(45).answers()).get(0).args()).containsExactly(45);
        }

        @Test
        void aCountWithoutAShareIsUnderThirtyPercent() {
            assertThat(rank(S, a().users(500))).isEqualTo(2);
            assertThat(codes(S, a().users(500))).containsExactly("users-affected");
        }

        @Test
        void coreBusinessInterruptedIsP1() {
            assertThat(rank(S, a().down(true))).isZero();
            assertThat(rank(S, a().impact(BusinessImpact.CORE).percent(5))).isZero();
            assertThat(codes(S, a().impact(BusinessImpact.CORE).percent(5))).containsExactly("core-business", "share-minor");
        }

        @Test
        void coreFunctionAffectedIsP2() {
            assertThat(rank(S, a().core(true))).isEqualTo(1);
            assertThat(codes(S, a().core(true))).containsExactly("core-function");
        }

        @Test
        void secondaryFunctionIsP3AndNoBusinessImpactP4() {
            assertThat(rank(S, a().impact(BusinessImpact.SECONDARY))).isEqualTo(2);
            assertThat(rank(S, a().impact(BusinessImpact.NONE))).isEqualTo(3);
            assertThat(codes(S, a().impact(BusinessImpact.NONE))).containsExactly("no-business-impact");
        }

        @Test
        void anExperienceProblemIsP4() {
            assertThat(rank(S, a().ux(true))).isEqualTo(3);
            assertThat(codes(S, a().ux(true))).containsExactly("ux-degraded");
        }

        @Test
        void escalatorsReachP1() {
            assertThat(rank(S, a().percent(10).dataLoss())).isZero();
            assertThat(rank(S, a().percent(10).security())).isZero();
            assertThat(rank(S, a().percent(10).money())).isZero();
            assertThat(codes(S, a().percent(10).money().security().dataLoss()))
                    .containsExactly("data-loss", "security", "money-lost", "share-minor");
        }

        @Test
        void noImpactOrNothingAnswered() {
            assertThat(codes(S, a().down(false).core(false).ux(false))).containsExactly("no-user-impact");
            assertThat(rank(S, a().down(false).core(false).ux(false))).isEqualTo(3);
            assertThat(codes(S, a())).containsExactly("not-assessed");
        }
    }

    @Nested
    class L1toL4 {

        static final String S = "L1-L4";

        @Test
        void serviceDownMoneyAndSecurityAreL1() {
            assertThat(rank(S, a().down(true))).isZero();
            assertThat(rank(S, a().money())).isZero();
            assertThat(rank(S, a().security())).isZero();
            assertThat(codes(S, a().down(true).money().security()))
                    .containsExactly("service-down", "money-lost", "security");
        }

        @Test
        void coreFlowBlockedOrDataLossIsL2() {
            assertThat(rank(S, a().core(true))).isEqualTo(1);
            assertThat(rank(S, a().dataLoss())).isEqualTo(1);
            assertThat(rank(S, a().impact(BusinessImpact.CORE))).isEqualTo(1);
            assertThat(rank(S, a().percent(100))).isEqualTo(1);
            assertThat(codes(S, a().core(true).dataLoss())).containsExactly("core-function", "data-loss");
        }

        @Test
        void secondaryOrDegradedWithWorkaroundIsL3() {
            assertThat(rank(S, a().impact(BusinessImpact.SECONDARY))).isEqualTo(2);
            assertThat(rank(S, a().ux(true))).isEqualTo(2);
            assertThat(rank(S, a().percent(10))).isEqualTo(2);
            assertThat(rank(S, a().users(3))).isEqualTo(2);
            assertThat(codes(S, a().ux(true).impact(BusinessImpact.SECONDARY)))
                    .containsExactly("secondary-business", "ux-degraded");
        }

        @Test
        void otherwiseL4() {
            assertThat(rank(S, a().impact(BusinessImpact.NONE))).isEqualTo(3);
            assertThat(codes(S, a().down(false).core(false).ux(false))).containsExactly("no-user-impact");
            assertThat(rank(S, a().down(false).core(false).ux(false))).isEqualTo(3);
            assertThat(codes(S, a())).containsExactly("not-assessed");
        }
    }
}
