/**
 * CommonMark extensions of the site: highlighted code, heading permalinks, table of contents and
 * accessibility fixes.
 */
package dev.homeweb.markdown;
