package io.firebreak.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import io.firebreak.probe.internal.ProbeStateMachine.Step;
import io.firebreak.probe.internal.ProbeStateMachine.Transition;

/** The alerting rule, the SSRF address rule and the expected-status syntax, without Spring. */
class ProbeRulesTests {

    /** Feeds results to the state machine as the worker does, with a fake alert that records transitions. */
    @Test
    void firesAfterNConsecutiveFailuresAndResolvesAfterMSuccesses() {
        var fake = new StringBuilder();
        int f = 0, s = 0;
        boolean alerting = false;
        boolean[] results = { false, false, true, false, false, false, false, true, false, true, true, true, false };
        for (boolean ok : results) {
            Step step = ProbeStateMachine.next(f, s, alerting, ok, 3, 2);
            f = step.failures();
            s = step.successes();
            alerting = step.alerting();
            fake.append(step.transition() == Transition.FIRE ? "F" : step.transition() == Transition.RESOLVE ? "R" : ".");
        }
        // The success at index 2 resets the failures; the third failure in a row (index 5) fires once;
        // a success then a failure does not resolve; two successes in a row (index 10) resolve.
        assertThat(fake.toString()).isEqualTo(".....F....R..");
        assertThat(alerting).isFalse();
    }

    @Test
    void thresholdOfOneFiresAndResolvesAtOnce() {
        Step fired = ProbeStateMachine.next(0, 5, false, false, 1, 1);
        assertThat(fired.transition()).isEqualTo(Transition.FIRE);
        assertThat(fired.alerting()).isTrue();
        Step resolved = ProbeStateMachine.next(fired.failures(), fired.successes(), true, true, 1, 1);
        assertThat(resolved.transition()).isEqualTo(Transition.RESOLVE);
        assertThat(resolved.alerting()).isFalse();
        // Failing on while alerting fires nothing again.
        assertThat(ProbeStateMachine.next(7, 0, true, false, 1, 1).transition()).isEqualTo(Transition.NONE);
    }

    @Test
    void nonPublicAddressesAreRecognised() throws Exception {
        for (String a : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1",
                "::ffff:169.254.169.254" }) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : new String[] { "8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "100.128.0.1" }) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    @Test
    void guardRefusesLoopbackNamesUnlessAllowed() throws Exception {
        var strict = new AddressGuard(false);
        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(AddressGuard.RefusedException.class)
                .hasMessageContaining("non-public");
        assertThatThrownBy(() -> strict.resolve("169.254.169.254")).isInstanceOf(AddressGuard.RefusedException.class);
        assertThat(new AddressGuard(true).resolve("localhost").isLoopbackAddress()).isTrue();
    }

    @Test
    void expectedStatusAcceptsCodesAndClasses() {
        assertThat(ExpectedStatus.parse(null).matches(204)).isTrue();
        assertThat(ExpectedStatus.parse(null).matches(301)).isFalse();
        var mixed = ExpectedStatus.parse(" 2XX , 301");
        assertThat(mixed.text()).isEqualTo("2xx,301");
        assertThat(mixed.matches(301)).isTrue();
        assertThat(mixed.matches(302)).isFalse();
        assertThatThrownBy(() -> ExpectedStatus.parse("200,abc")).hasMessageContaining("abc");
        assertThatThrownBy(() -> ExpectedStatus.parse("600")).isInstanceOf(IllegalArgumentException.class);
    }
}
