/**
 * The site as rendered pages: HTML templates, and the snapshot of every page that is swapped whole
 * on each import.
 */
package dev.homeweb.site;
