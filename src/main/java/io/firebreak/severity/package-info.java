/**
 * How bad an incident is: severity schemes and their levels (definition, examples, response and
 * resolution targets in clock or business time, audience, postmortem rule), the working calendar
 * business time is counted in, and the triage questionnaire that recommends a level.
 * <p>
 * Does not own incidents or their clocks (incident); it only answers "what is due when".
 */
package io.firebreak.severity;
