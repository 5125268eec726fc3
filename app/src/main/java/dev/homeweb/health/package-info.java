/**
 * What {@code /healthz} reports: whether the database answers, and which build and release are
 * running.
 */
package dev.homeweb.health;
