package io.firebreak.severity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.firebreak.severity.BusinessImpact;
import io.firebreak.severity.TriageAnswers;

/**
 * The triage rules of each preset, as pure functions of the answers. Each rule that fires gives a
 * {@link Hit}: a stable reason code and the rank (0 = most severe) it raises the incident to; the
 * recommendation is the most severe rank any hit reaches.
 * <ul>
 * <li>P0–P3 (seed 000): the decision tree (service fully down → P0, core function → P1, user
 * experience degraded → P2, else P3) plus escalators: confirmed data loss or a security hole → P0
 * ("严重数据丢失", "安全漏洞被利用" are P0 examples); money lost → P1 ("明显资金损失时，要第一时间升级");
 * all users affected or the core business hit → P1 (P1 is "核心功能受影响"; P0 needs the service
 * fully down, which the tree asks directly); a secondary function hit or some users affected → P2
 * (P3 is "不影响用户").</li>
 * <li>P1–P4 (seed 002): by share of users affected (100% → P1, 30–100% → P2, under 30% → P3,
 * 0% → P4); service fully down, core business/transactions hit, data loss, security and money
 * lost → P1; core function affected → P2 ("重要功能异常，影响部分用户核心操作"); secondary function →
 * P3; experience problem or no business impact → P4.</li>
 * <li>L1–L4 (seed 003): service down, money lost, security → L1; core flow blocked, data loss or
 * leak, core business hit, all users affected → L2; secondary function, degraded experience (with
 * a workaround), some users affected → L3; otherwise L4.</li>
 * <li>Any other scheme: the P0–P3 outcome mapped by rank (clamped to the scheme's last level).</li>
 * </ul>
 */
public final class TriageRules {

    /** One rule that fired: its reason code, the rank it reaches, and arguments for its message. */
    public record Hit(String code, int rank, Object... args) {
    }

    private TriageRules() {
    }

    /** Every hit for the scheme, most severe first (ties keep rule order). */
    public static List<Hit> evaluate(String schemeCode, TriageAnswers a) {
        List<Hit> hits = switch (schemeCode) {
            case "P1-P4" -> p1p4(a);
            case "L1-L4" -> l1l4(a);
            default -> p0p3(a);
        };
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::rank));
        return sorted;
    }

    static List<Hit> p0p3(TriageAnswers a) {
        List<Hit> hits = new ArrayList<>();
        if (yes(a.serviceDown())) {
            hits.add(new Hit("service-down", 0));
        } else if (yes(a.coreFunctionAffected())) {
            hits.add(new Hit("core-function", 1));
        } else if (yes(a.userExperienceDegraded())) {
            hits.add(new Hit("ux-degraded", 2));
        } else if (no(a.serviceDown()) && no(a.coreFunctionAffected()) && no(a.userExperienceDegraded())) {
            hits.add(new Hit("no-user-impact", 3));
        }
        if (yes(a.dataLoss())) {
            hits.add(new Hit("data-loss", 0));
        }
        if (yes(a.securityRisk())) {
            hits.add(new Hit("security", 0));
        }
        if (yes(a.moneyLost())) {
            hits.add(new Hit("money-lost", 1));
        }
        if (allUsers(a)) {
            hits.add(new Hit("all-users", 1));
        } else if (someUsers(a)) {
            hits.add(new Hit("users-affected", 2));
        }
        if (a.businessImpact() == BusinessImpact.CORE) {
            hits.add(new Hit("core-business", 1));
        } else if (a.businessImpact() == BusinessImpact.SECONDARY) {
            hits.add(new Hit("secondary-business", 2));
        } else if (a.businessImpact() == BusinessImpact.NONE) {
            hits.add(new Hit("no-business-impact", 3));
        }
        return orNotAssessed(hits, 3);
    }

    static List<Hit> p1p4(TriageAnswers a) {
        List<Hit> hits = new ArrayList<>();
        if (yes(a.serviceDown())) {
            hits.add(new Hit("service-down", 0));
        }
        if (yes(a.coreFunctionAffected())) {
            hits.add(new Hit("core-function", 1));
        }
        if (yes(a.userExperienceDegraded())) {
            hits.add(new Hit("ux-degraded", 3));
        }
        Integer p = a.usersAffectedPercent();
        if (p != null) {
            if (p >= 100) {
                hits.add(new Hit("share-all", 0, p));
            } else if (p >= 30) {
                hits.add(new Hit("share-major", 1, p));
            } else if (p > 0) {
                hits.add(new Hit("share-minor", 2, p));
            } else {
                hits.add(new Hit("share-none", 3, p));
            }
        } else if (a.usersAffected() != null && a.usersAffected() > 0) {
            hits.add(new Hit("users-affected", 2));
        }
        if (a.businessImpact() == BusinessImpact.CORE) {
            hits.add(new Hit("core-business", 0));
        } else if (a.businessImpact() == BusinessImpact.SECONDARY) {
            hits.add(new Hit("secondary-business", 2));
        } else if (a.businessImpact() == BusinessImpact.NONE) {
            hits.add(new Hit("no-business-impact", 3));
        }
        if (yes(a.dataLoss())) {
            hits.add(new Hit("data-loss", 0));
        }
        if (yes(a.securityRisk())) {
            hits.add(new Hit("security", 0));
        }
        if (yes(a.moneyLost())) {
            hits.add(new Hit("money-lost", 0));
        }
        if (hits.isEmpty() && no(a.serviceDown()) && no(a.coreFunctionAffected())
                && no(a.userExperienceDegraded())) {
            hits.add(new Hit("no-user-impact", 3));
        }
        return orNotAssessed(hits, 3);
    }

    static List<Hit> l1l4(TriageAnswers a) {
        List<Hit> hits = new ArrayList<>();
        if (yes(a.serviceDown())) {
            hits.add(new Hit("service-down", 0));
        }
        if (yes(a.moneyLost())) {
            hits.add(new Hit("money-lost", 0));
        }
        if (yes(a.securityRisk())) {
            hits.add(new Hit("security", 0));
        }
        if (yes(a.coreFunctionAffected())) {
            hits.add(new Hit("core-function", 1));
        }
        if (yes(a.dataLoss())) {
            hits.add(new Hit("data-loss", 1));
        }
        if (a.businessImpact() == BusinessImpact.CORE) {
            hits.add(new Hit("core-business", 1));
        } else if (a.businessImpact() == BusinessImpact.SECONDARY) {
            hits.add(new Hit("secondary-business", 2));
        } else if (a.businessImpact() == BusinessImpact.NONE) {
            hits.add(new Hit("no-business-impact", 3));
        }
        if (allUsers(a)) {
            hits.add(new Hit("all-users", 1));
        } else if (someUsers(a)) {
            hits.add(new Hit("users-affected", 2));
        }
        if (yes(a.userExperienceDegraded())) {
            hits.add(new Hit("ux-degraded", 2));
        }
        if (hits.isEmpty() && no(a.serviceDown()) && no(a.coreFunctionAffected())
                && no(a.userExperienceDegraded())) {
            hits.add(new Hit("no-user-impact", 3));
        }
        return orNotAssessed(hits, 3);
    }

    private static List<Hit> orNotAssessed(List<Hit> hits, int lowest) {
        if (hits.isEmpty()) {
            hits.add(new Hit("not-assessed", lowest));
        }
        return hits;
    }

    private static boolean allUsers(TriageAnswers a) {
        return a.usersAffectedPercent() != null && a.usersAffectedPercent() >= 100;
    }

    private static boolean someUsers(TriageAnswers a) {
        return (a.usersAffectedPercent() != null && a.usersAffectedPercent() > 0)
                || (a.usersAffected() != null && a.usersAffected() > 0);
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static boolean no(Boolean b) {
        return Boolean.FALSE.equals(b);
    }
}
