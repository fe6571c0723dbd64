package io.firebreak.notification.internal.channel;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a channel's mentions into mobile numbers and IM user ids: DingTalk and WeCom take the two
 * in different fields ({@code atMobiles}/{@code atUserIds}, {@code mentioned_mobile_list}/{@code mentioned_list}).
 */
final class Mentions {

    private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 \\-]{5,19}");

    private Mentions() {
    }

    static boolean isMobile(String mention) {
        return MOBILE.matcher(mention).matches();
    }

    static List<String> mobiles(List<String> mentions) {
        return mentions.stream().filter(Mentions::isMobile).toList();
    }

    static List<String> userIds(List<String> mentions) {
        return mentions.stream().filter(m -> !isMobile(m)).toList();
    }
}
