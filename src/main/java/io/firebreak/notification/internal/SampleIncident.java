package io.firebreak.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sample incident the template editor previews against (its values are the variables' examples). */
public final class SampleIncident {

    private SampleIncident() {
    }

    public static Map<String, Object> variables(String locale) {
        boolean en = locale != null && locale.startsWith("en");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", "INC-42");
        v.put("title", en ? "Orders cannot be placed" : "用户无法下单");
        v.put("description", en ? "Checkout returns 502 for 10% of users" : "10% 用户下单返回 502");
        v.put("level", "P1");
        v.put("levelName", en ? "High" : "高优先级");
        v.put("status", "INVESTIGATING");
        v.put("impact", en ? "10% of users cannot order" : "10%用户无法下单");
        v.put("services", "order-service, payment-gateway");
        v.put("commander", "alice");
        v.put("commsLead", "bob");
        v.put("techLead", "carol");
        v.put("onCall", "dave");
        v.put("ticketUrl", "https://tickets.example.org/OPS-1234");
        v.put("url", "https://firebreak.example.org/incidents/INC-42");
        v.put("ackUrl", "https://firebreak.example.org/ack/…");
        v.put("actor", "alice");
        v.put("at", "2026-11-22 10:15 UTC");
        v.put("detectedAt", "2026-11-22 10:02 UTC");
        v.put("reporter", "dave");
        v.put("actionsTaken", en ? "Restarted order-service" : "已重启 order-service");
        v.put("rootCause", en ? "Connection pool exhausted" : "数据库连接池耗尽");
        v.put("duration", "1h 13m");
        v.put("reason", en ? "core flow affected" : "核心流程受影响");
        v.put("fromLevel", "P2");
        v.put("toLevel", "P1");
        v.put("role", "COMMANDER");
        v.put("user", "alice");
        v.put("clock", "RESPONSE");
        v.put("dueAt", "2026-11-22 10:17 UTC");
        v.put("progress", en ? "Rolled back the last release" : "已回滚上一个版本");
        v.put("eta", "11:00");
        v.put("review", "2026-11-23 14:00");
        v.put("organization", "Firebreak");
        v.put("paged", "Dave (dave)");
        v.put("person", "Dave (dave)");
        v.put("schedule", en ? "Core platform primary" : "核心平台主值班");
        v.put("from", "2026-11-22 09:00 UTC");
        v.put("until", "2026-11-29 09:00 UTC");
        v.put("previous", "Carol (carol)");
        v.put("count", 3);
        v.put("text", "\n• …");
        return v;
    }
}
