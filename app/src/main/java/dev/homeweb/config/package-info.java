/**
 * Configuration as records validated on construction, from flags, environment and the database-URL
 * file.
 */
package dev.homeweb.config;
