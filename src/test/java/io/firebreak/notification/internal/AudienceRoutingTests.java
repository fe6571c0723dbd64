package io.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.notification.ChannelKind;
import io.firebreak.notification.ContactMethods;

/** Whom a chat message @-mentions, and how a message's route changes the channel it goes through. */
class AudienceRoutingTests {

    static final UserView PERSON = new UserView(1, "zhang", "Zhang San", "z@example.org", "13800000000", "zh-CN",
            ZoneId.of("UTC"), Role.RESPONDER, true);

    @Test
    void anImIdWinsAndDingTalkAndWeComFallBackToTheMobile() {
        var ids = new ContactMethods("U1", "ding1", "", "ou_1");
        assertThat(AudienceRouting.mention(ChannelKind.SLACK, PERSON, ids)).isEqualTo("U1");
        assertThat(AudienceRouting.mention(ChannelKind.DINGTALK, PERSON, ids)).isEqualTo("ding1");
        assertThat(AudienceRouting.mention(ChannelKind.WECOM, PERSON, ids)).isEqualTo("13800000000");
        assertThat(AudienceRouting.mention(ChannelKind.FEISHU, PERSON, ids)).isEqualTo("ou_1");
        assertThat(AudienceRouting.mention(ChannelKind.SLACK, PERSON, ContactMethods.NONE)).isEmpty();
        assertThat(AudienceRouting.mention(ChannelKind.EMAIL, PERSON, ids)).isEmpty();
        assertThat(AudienceRouting.mention(ChannelKind.WEBHOOK, PERSON, ids)).isEmpty();
    }

    @Test
    void aRouteReplacesRecipientsAndAddsMentions() {
        var c = new ChannelConfig(5, "ding", ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?x=1",
                List.of("13900000000"), null, null, "zh-CN", List.of(), null, true, false);
        var routed = new MessageRoute(null, "13800000000,13900000000").apply(c);
        assertThat(routed.mentions()).containsExactly("13900000000", "13800000000");
        assertThat(routed.target()).isEqualTo(c.target());
        var mail = new MessageRoute("a@example.org,b@example.org", null).apply(c);
        assertThat(mail.target()).isEqualTo("a@example.org,b@example.org");
        assertThat(new MessageRoute(null, null).apply(c)).isEqualTo(c);
    }
}
