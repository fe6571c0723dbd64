/**
 * Cross-cutting building blocks every module may use: the injected {@link java.time.Clock},
 * paging, and the exceptions that the API turns into RFC 9457 problem details.
 * <p>
 * Owns no domain nouns and no tables.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.firebreak.shared;
