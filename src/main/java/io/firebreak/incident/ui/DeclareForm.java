package io.firebreak.incident.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.firebreak.incident.DeclareIncident;
import io.firebreak.severity.BusinessImpact;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.shared.InvalidInputException;

/**
 * The declare form exactly as typed: every field a string, so a bad value is kept and shown back
 * next to its error instead of being lost in binding. The triage fields carry the names the
 * severity module's {@code POST /triage/recommendation} reads, so the same inputs feed both.
 */
public class DeclareForm {

    private String title = "";
    private String description = "";
    private List<Long> serviceIds = new ArrayList<>();
    private String serviceDown = "";
    private String coreFunctionAffected = "";
    private String userExperienceDegraded = "";
    private String usersAffected = "";
    private String usersAffectedPercent = "";
    private String businessImpact = "";
    private String dataLoss = "";
    private String securityRisk = "";
    private String moneyLost = "";
    private String impactSummary = "";
    private String levelCode = "";

    /**
     * The command for the facade. Throws {@link InvalidInputException} naming the field when a
     * number or choice cannot be read; the message is a message key of the incidentui bundle.
     */
    DeclareIncident toCommand() {
        TriageAnswers triage = new TriageAnswers(yesNo(serviceDown, "serviceDown"),
                yesNo(coreFunctionAffected, "coreFunctionAffected"),
                yesNo(userExperienceDegraded, "userExperienceDegraded"), count(usersAffected),
                percent(usersAffectedPercent), impact(businessImpact), yesNo(dataLoss, "dataLoss"),
                yesNo(securityRisk, "securityRisk"), yesNo(moneyLost, "moneyLost"));
        return new DeclareIncident(title == null ? "" : title.strip(), blankToNull(description),
                serviceIds == null ? List.of() : List.copyOf(serviceIds), blankToNull(levelCode),
                triage, blankToNull(impactSummary), null);
    }

    /** Whether any question of the questionnaire has an answer (then the page asks for a recommendation at once). */
    public boolean anyTriageAnswer() {
        return Stream.of(serviceDown, coreFunctionAffected, userExperienceDegraded, usersAffected,
                usersAffectedPercent, businessImpact, dataLoss, securityRisk, moneyLost)
                .anyMatch(v -> v != null && !v.isBlank());
    }

    private static Boolean yesNo(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(field, "incidentui.error.yesNo");
        };
    }

    private static Long count(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw new InvalidInputException("usersAffected", "incidentui.error.count");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("usersAffected", "incidentui.error.count");
        }
    }

    private static Integer percent(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0 || n > 100) {
                throw new InvalidInputException("usersAffectedPercent", "incidentui.error.percent");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("usersAffectedPercent", "incidentui.error.percent");
        }
    }

    private static BusinessImpact impact(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BusinessImpact.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("businessImpact", "incidentui.error.choice");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<Long> getServiceIds() { return serviceIds; }
    public void setServiceIds(List<Long> serviceIds) { this.serviceIds = serviceIds; }
    public String getServiceDown() { return serviceDown; }
    public void setServiceDown(String serviceDown) { this.serviceDown = serviceDown; }
    public String getCoreFunctionAffected() { return coreFunctionAffected; }
    public void setCoreFunctionAffected(String v) { this.coreFunctionAffected = v; }
    public String getUserExperienceDegraded() { return userExperienceDegraded; }
    public void setUserExperienceDegraded(String v) { this.userExperienceDegraded = v; }
    public String getUsersAffected() { return usersAffected; }
    public void setUsersAffected(String usersAffected) { this.usersAffected = usersAffected; }
    public String getUsersAffectedPercent() { return usersAffectedPercent; }
    public void setUsersAffectedPercent(String v) { this.usersAffectedPercent = v; }
    public String getBusinessImpact() { return businessImpact; }
    public void setBusinessImpact(String businessImpact) { this.businessImpact = businessImpact; }
    public String getDataLoss() { return dataLoss; }
    public void setDataLoss(String dataLoss) { this.dataLoss = dataLoss; }
    public String getSecurityRisk() { return securityRisk; }
    public void setSecurityRisk(String securityRisk) { this.securityRisk = securityRisk; }
    public String getMoneyLost() { return moneyLost; }
    public void setMoneyLost(String moneyLost) { this.moneyLost = moneyLost; }
    public String getImpactSummary() { return impactSummary; }
    public void setImpactSummary(String impactSummary) { this.impactSummary = impactSummary; }
    public String getLevelCode() { return levelCode; }
    public void setLevelCode(String levelCode) { this.levelCode = levelCode; }
}
