package dev.homeweb.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeweb.config.DatabaseUrl;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class ConnectionFailedTest {
    static final DatabaseUrl URL =
            new DatabaseUrl("jdbc:postgresql://db.example.org:6543/blog", "blog", "TopSecret99");

    /** What pgjdbc throws when nothing listens on the port. */
    static PSQLException refused() {
        return new PSQLException(
                "Connection to db.example.org:6543 refused. Check that the hostname and port are"
                        + " correct and that the postmaster is accepting TCP/IP connections.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
    }

    @Test
    void refusedConnectionThroughThePoolNamesHostPortCauseAndWhatToCheck() {
        var pool =
                new SQLTransientConnectionException(
                        "home-web - Connection is not available, request timed out after 2001ms"
                                + " (total=0, active=0, idle=0, waiting=0)",
                        "08001",
                        refused());

        assertThat(new ConnectionFailed(URL, pool).getMessage())
                .isEqualTo(
                        """
                        cannot connect to jdbc:postgresql://db.example.org:6543/blog: Connection \
                        to db.example.org:6543 refused
                        Check that PostgreSQL is running on db.example.org and listening on port \
                        6543 (listen_addresses and port in postgresql.conf, and any firewall \
                        between), and that the host and port in the database-URL file are right.""");
    }

    @Test
    void aHostThatNeverAnswersIsSaidPlainlyNotInThePoolsWords() {
        var pool =
                new SQLTransientConnectionException(
                        "home-web - Connection is not available, request timed out after 2001ms"
                                + " (total=0, active=0, idle=0, waiting=0)");

        assertThat(new ConnectionFailed(URL, pool).getMessage())
                .startsWith(
                        "cannot connect to jdbc:postgresql://db.example.org:6543/blog: no answer"
                                + " from db.example.org within the pool's timeout\n")
                .doesNotContain("total=0");
    }

    @Test
    void unknownHostSaysSo() {
        var failure =
                new PSQLException(
                        "The connection attempt failed.",
                        PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new UnknownHostException("db.example.org"));

        assertThat(new ConnectionFailed(URL, failure).getMessage())
                .isEqualTo(
                        """
                        cannot connect to jdbc:postgresql://db.example.org:6543/blog: unknown host \
                        db.example.org
                        Check the host name db.example.org in the database-URL file.""");
    }

    @Test
    void refusedLoginPointsAtTheCredentialsAndNeverShowsThePassword() {
        var failure =
                new PSQLException(
                        "FATAL: password authentication failed for user \"blog\"",
                        PSQLState.INVALID_PASSWORD);

        var message = new ConnectionFailed(URL, failure).getMessage();

        assertThat(message)
                .isEqualTo(
                        """
                        cannot connect to jdbc:postgresql://db.example.org:6543/blog: FATAL: \
                        password authentication failed for user "blog"
                        Check the user name and password in the database-URL file, and that \
                        pg_hba.conf on the server lets this user in from here.""")
                .doesNotContain("TopSecret99");
    }

    @Test
    void defaultPortIsNamedWhenTheUrlHasNone() {
        var url =
                new DatabaseUrl(
                        "jdbc:postgresql://localhost/blog?password=TopSecret99", null, null);

        assertThat(new ConnectionFailed(url, refused()).getMessage())
                .contains("running on localhost and listening on port 5432")
                .contains("password=***")
                .doesNotContain("TopSecret99");
    }

    @Test
    void aLostConnectionIsACauseButAFailedStatementIsNot() {
        var lost =
                new DataAccessException(
                        "SQL failed",
                        new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE));
        var badQuery =
                new DataAccessException(
                        "SQL failed",
                        new SQLException("syntax error at or near \"form\"", "42601"));

        assertThat(ConnectionFailed.isCauseOf(lost)).isTrue();
        assertThat(ConnectionFailed.isCauseOf(badQuery)).isFalse();
        assertThat(ConnectionFailed.isCauseOf(new IllegalStateException("bug"))).isFalse();
    }
}
