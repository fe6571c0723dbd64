package io.firebreak.escalation;

import static io.firebreak.escalation.EscalationFixture.step;
import static io.firebreak.escalation.EscalationFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.MutableClock;
import io.firebreak.support.TestUsers;

/**
 * The escalation worker's wake-up thread (on here, off in the other tests): a later step is paged
 * by the thread itself once the clock reaches its due instant, with no polling pass (the scheduled
 * passes run hourly in tests) and nobody calling the worker.
 */
@FirebreakTest
@Import(EscalationFixture.class)
@TestPropertySource(properties = "firebreak.wake-up=true")
class EscalationWakeUpTests {

    @Autowired EscalationFixture fx;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;

    @Test
    void theWakeUpPagesAStepWhenItsInstantArrivesAndNotBefore() throws Exception {
        UserView first = users.create(Role.RESPONDER);
        UserView second = users.create(Role.RESPONDER);
        long service = fx.service();
        fx.policy(service, 0, 0, List.of(step(0, user(first.id())), step(5, user(second.id()))));
        long incident = fx.declare("P2", service);
        assertThat(fx.pagedUsers(incident)).containsExactly(first.id());

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        // The thread looks at the clock at least every 10 s of real time; give it two looks.
        Thread.sleep(Duration.ofSeconds(11));
        assertThat(fx.pagedUsers(incident)).as("never early: not at 4:59").containsExactly(first.id());

        clock.advance(Duration.ofSeconds(1));
        Instant giveUp = Instant.now().plusSeconds(25);
        while (fx.pagedUsers(incident).size() < 2 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(fx.pagedUsers(incident)).containsExactly(first.id(), second.id());
    }
}
