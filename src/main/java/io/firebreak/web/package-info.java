/**
 * The UI shell: layout and navigation, the dashboard, login and error pages, the choice of
 * language and time zone per person, and view helpers ({@code @fb}) shared by every template.
 * <p>
 * Owns no tables; pages of other modules render their own panels inside this layout.
 */
package io.firebreak.web;
