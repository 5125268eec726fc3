/** HTTPS in the server itself: listeners, sockets from systemd, ACME certificates and renewal. */
package dev.homeweb.tls;
