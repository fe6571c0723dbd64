package io.firebreak.severity;

/**
 * Answers to the triage questionnaire. Every answer is optional (null = not answered):
 * the decision tree of the incident response process (service fully down? core function
 * affected? user experience degraded?) and the impact assessment (users affected, as a count
 * or a percentage; business impact; data loss; security risk; money lost).
 */
public record TriageAnswers(Boolean serviceDown, Boolean coreFunctionAffected, Boolean userExperienceDegraded,
        Long usersAffected, Integer usersAffectedPercent, BusinessImpact businessImpact, Boolean dataLoss,
        Boolean securityRisk, Boolean moneyLost) {

    public static TriageAnswers none() {
        return new TriageAnswers(null, null, null, null, null, null, null, null, null);
    }
}
