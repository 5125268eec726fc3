/**
 * The database: connection pool or embedded PostgreSQL, migrations, and the jOOQ schema generated
 * from them.
 */
package dev.homeweb.db;
