/**
 * Importing {@code content/}: reading and validating the Markdown files, rendering them and writing
 * the changed posts in one transaction.
 */
package dev.homeweb.content;
