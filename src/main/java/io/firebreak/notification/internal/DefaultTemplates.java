package io.firebreak.notification.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * The built-in templates, in zh-CN and en: the seeds' own texts (000 "通信机制": 🚨 事件开始,
 * 📊 状态更新, ✅ 事件解决, the two customer notices; 002 1.2: time, scope, symptoms, actions
 * taken, reporter). Each is a subject line and a body, both Mustache.
 */
public final class DefaultTemplates {

    /** A subject line and a body, both Mustache. */
    public record Template(String subject, String body) {
    }

    private static final Map<TemplateKind, Template> ZH = new EnumMap<>(TemplateKind.class);
    private static final Map<TemplateKind, Template> EN = new EnumMap<>(TemplateKind.class);

    static {
        ZH.put(TemplateKind.INCIDENT_OPENED, new Template("🚨 {{level}} 事件 #{{number}}", """
                🚨 {{level}} 事件 #{{number}}
                标题：{{title}}
                影响：{{impact}}
                状态：调查中
                负责人：@{{commander}}
                工单：{{ticketUrl}}
                发生时间：{{detectedAt}}
                当前现象：{{description}}
                已尝试的操作：{{actionsTaken}}
                上报人：{{reporter}}"""));
        EN.put(TemplateKind.INCIDENT_OPENED, new Template("🚨 {{level}} incident #{{number}}", """
                🚨 {{level}} incident #{{number}}
                Title: {{title}}
                Impact: {{impact}}
                Status: investigating
                Owner: @{{commander}}
                Ticket: {{ticketUrl}}
                Started: {{detectedAt}}
                Symptoms: {{description}}
                Actions taken: {{actionsTaken}}
                Reported by: {{reporter}}"""));
        ZH.put(TemplateKind.ACKNOWLEDGED, new Template("事件 #{{number}} 已确认", """
                事件 #{{number}} 已由 {{actor}} 确认（{{at}}）
                标题：{{title}}
                级别：{{level}}"""));
        EN.put(TemplateKind.ACKNOWLEDGED, new Template("Incident #{{number}} acknowledged", """
                Incident #{{number}} acknowledged by {{actor}} at {{at}}
                Title: {{title}}
                Level: {{level}}"""));
        ZH.put(TemplateKind.LEVEL_CHANGED, new Template("事件 #{{number}} 级别变更：{{fromLevel}} → {{toLevel}}", """
                事件 #{{number}} 级别由 {{fromLevel}} 调整为 {{toLevel}}
                标题：{{title}}
                原因：{{reason}}
                操作人：{{actor}}"""));
        EN.put(TemplateKind.LEVEL_CHANGED, new Template("Incident #{{number}} level {{fromLevel}} → {{toLevel}}", """
                Incident #{{number}} changed from {{fromLevel}} to {{toLevel}}
                Title: {{title}}
                Reason: {{reason}}
                By: {{actor}}"""));
        ZH.put(TemplateKind.ROLE_ASSIGNED, new Template("事件 #{{number}}：{{role}} 由 {{user}} 担任", """
                事件 #{{number}}：{{role}} 由 {{user}} 担任
                标题：{{title}}"""));
        EN.put(TemplateKind.ROLE_ASSIGNED, new Template("Incident #{{number}}: {{user}} is {{role}}", """
                Incident #{{number}}: {{user}} is now {{role}}
                Title: {{title}}"""));
        ZH.put(TemplateKind.STATUS_UPDATE, new Template("📊 事件 #{{number}} 更新", """
                📊 事件 #{{number}} 更新
                当前状态：{{status}}
                进展：{{progress}}
                预计恢复时间：{{eta}}"""));
        EN.put(TemplateKind.STATUS_UPDATE, new Template("📊 Incident #{{number}} update", """
                📊 Incident #{{number}} update
                Current status: {{status}}
                Progress: {{progress}}
                Expected recovery: {{eta}}"""));
        ZH.put(TemplateKind.MITIGATED, new Template("事件 #{{number}} 已止损", """
                事件 #{{number}} 影响已缓解（{{at}}）
                标题：{{title}}
                已采取的措施：{{actionsTaken}}"""));
        EN.put(TemplateKind.MITIGATED, new Template("Incident #{{number}} mitigated", """
                Incident #{{number}} mitigated at {{at}}
                Title: {{title}}
                Actions taken: {{actionsTaken}}"""));
        ZH.put(TemplateKind.RESOLVED, new Template("✅ 事件 #{{number}} 已解决", """
                ✅ 事件 #{{number}} 已解决
                根本原因：{{rootCause}}
                解决方案：{{actionsTaken}}
                影响时长：{{duration}}
                复盘会议：{{review}}"""));
        EN.put(TemplateKind.RESOLVED, new Template("✅ Incident #{{number}} resolved", """
                ✅ Incident #{{number}} resolved
                Root cause: {{rootCause}}
                Fix: {{actionsTaken}}
                Duration: {{duration}}
                Review meeting: {{review}}"""));
        ZH.put(TemplateKind.CLOSED, new Template("事件 #{{number}} 已关闭", """
                事件 #{{number}} 已关闭
                标题：{{title}}
                说明：{{reason}}"""));
        EN.put(TemplateKind.CLOSED, new Template("Incident #{{number}} closed", """
                Incident #{{number}} closed
                Title: {{title}}
                Note: {{reason}}"""));
        ZH.put(TemplateKind.PAGE, new Template("📟 呼叫 {{paged}}：{{level}} 事件 #{{number}}", """
                📟 呼叫 {{paged}}：{{level}} 事件 #{{number}} 需要你处理
                呼叫原因：{{reason}}
                标题：{{title}}
                影响：{{impact}}
                事件详情：{{url}}
                请确认：{{ackUrl}}"""));
        EN.put(TemplateKind.PAGE, new Template("📟 Paging {{paged}}: {{level}} incident #{{number}}", """
                📟 Paging {{paged}}: {{level}} incident #{{number}} needs you
                Why: {{reason}}
                Title: {{title}}
                Impact: {{impact}}
                Incident: {{url}}
                Acknowledge: {{ackUrl}}"""));
        ZH.put(TemplateKind.CLOCK_AT_RISK, new Template("⏳ 事件 #{{number}} {{clock}}即将超时", """
                ⏳ 事件 #{{number}} {{clock}}即将超时（截止 {{dueAt}}）
                标题：{{title}}
                级别：{{level}}
                负责人：@{{commander}}
                事件详情：{{url}}"""));
        EN.put(TemplateKind.CLOCK_AT_RISK, new Template("⏳ Incident #{{number}} {{clock}} at risk", """
                ⏳ Incident #{{number}}: {{clock}} at risk (due {{dueAt}})
                Title: {{title}}
                Level: {{level}}
                Owner: @{{commander}}
                Incident: {{url}}"""));
        ZH.put(TemplateKind.SHIFT_STARTED, new Template("🔔 {{person}} 的值班开始：{{schedule}}", """
                🔔 {{person}}，你在 {{schedule}} 的值班已开始
                开始：{{from}}
                结束：{{until}}
                交接自：{{previous}}"""));
        EN.put(TemplateKind.SHIFT_STARTED, new Template("🔔 {{person}}'s on-call shift started: {{schedule}}", """
                🔔 {{person}}, your on-call shift on {{schedule}} has started
                From: {{from}}
                Until: {{until}}
                Handed over by: {{previous}}"""));
        ZH.put(TemplateKind.CLOCK_BREACHED, new Template("⏰ 事件 #{{number}} {{clock}}已超时", """
                ⏰ 事件 #{{number}} {{clock}}已超时（截止 {{dueAt}}）
                标题：{{title}}
                级别：{{level}}"""));
        EN.put(TemplateKind.CLOCK_BREACHED, new Template("⏰ Incident #{{number}} {{clock}} overdue", """
                ⏰ Incident #{{number}}: {{clock}} overdue (due {{dueAt}})
                Title: {{title}}
                Level: {{level}}"""));
        ZH.put(TemplateKind.CUSTOMER_NOTICE, new Template("服务异常通知", """
                尊敬的用户：

                我们的系统目前遇到技术问题，部分功能暂时无法使用。
                我们的团队正在紧急处理，预计在{{eta}}恢复服务。

                给您带来的不便，我们深表歉意。

                {{organization}}
                {{at}}"""));
        EN.put(TemplateKind.CUSTOMER_NOTICE, new Template("Service disruption", """
                Dear customer,

                Our system is experiencing technical problems and some features are temporarily unavailable.
                Our team is working on it urgently and expects to restore service by {{eta}}.

                We sincerely apologise for the inconvenience.

                {{organization}}
                {{at}}"""));
        ZH.put(TemplateKind.SERVICE_RESTORED, new Template("服务恢复通知", """
                尊敬的用户：

                系统已恢复正常，所有功能现已可用。
                感谢您的耐心等待。

                如有任何问题，请联系我们的客服团队。

                {{organization}}
                {{at}}"""));
        EN.put(TemplateKind.SERVICE_RESTORED, new Template("Service restored", """
                Dear customer,

                The system is back to normal and all features are available again.
                Thank you for your patience.

                If you have any questions, please contact our customer service team.

                {{organization}}
                {{at}}"""));
        ZH.put(TemplateKind.BUNDLE, new Template("{{count}} 条通知（已合并）", """
                以下 {{count}} 条通知因发送频率限制被合并：
                {{text}}"""));
        EN.put(TemplateKind.BUNDLE, new Template("{{count}} notifications (bundled)", """
                {{count}} notifications were bundled because of the rate limit:
                {{text}}"""));
    }

    private DefaultTemplates() {
    }

    static Template of(TemplateKind kind, String locale) {
        return (locale != null && locale.startsWith("en") ? EN : ZH).get(kind);
    }
}
