/** Text escaping and hashing that every other package shares; it imports none of them. */
package dev.homeweb.internal;
