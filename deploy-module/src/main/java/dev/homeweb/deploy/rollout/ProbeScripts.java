package dev.homeweb.deploy.rollout;

import dev.homeweb.deploy.config.HttpsService;
import dev.homeweb.deploy.config.ServiceOptions;
import dev.homeweb.deploy.units.NodeLayout;

/**
 * The scripts that look at a node without changing it: the preflight before a deploy touches it and
 * the probe of its running server. Pure functions, tested as text like {@link NodeScripts}.
 */
final class ProbeScripts {
    private ProbeScripts() {}

    /** Prints the free kilobytes under the root; exit 3 when PID 1 is not systemd. */
    static String preflight(NodeLayout layout) {
        return """
                comm=$(cat /proc/1/comm)
                if [ "$comm" != systemd ]; then echo "PID 1 is $comm, not systemd" >&2; exit 3; fi
                command -v systemctl >/dev/null
                d=%s
                while [ ! -d "$d" ]; do d=$(dirname "$d"); done
                df -Pk "$d" | awk 'NR==2 {print $4}'
                """
                .formatted(layout.root());
    }

    /**
     * For {@code https}: curl must be there (the health probe speaks https through it). With {@code
     * acme}, asks the ACME directory from the node itself, trusting {@code acme_ca_root} if set;
     * prints {@code reachable}, or {@code unreachable} plus curl's error when the node has a stored
     * certificate to serve meanwhile; exits 5 with curl's error when it has none.
     */
    static String httpsPreflight(HttpsService https) {
        var script =
                new StringBuilder(
                        """
                        if ! command -v curl >/dev/null; then
                            echo "https: %s needs curl on the node (apt-get install curl)" >&2
                            exit 4
                        fi
                        """
                                .formatted(https.mode().word()));
        if (https.mode() != HttpsService.Mode.ACME) {
            return script.append("echo reachable\n").toString();
        }
        var cacert = "";
        if (https.acmeCaRoot().isPresent()) {
            cacert = " --cacert \"$ca\"";
            script.append(
                    """
                    ca=$(mktemp)
                    trap 'rm -f "$ca"' EXIT
                    cat > "$ca" <<'HOME_WEB_EOF'
                    %sHOME_WEB_EOF
                    """
                            .formatted(withNewline(https.acmeCaRoot().get().pem())));
        }
        return script.append(
                        """
                        if out=$(curl -sS --fail --max-time 10%1$s -o /dev/null %2$s 2>&1); then
                            echo reachable
                        elif [ -s %3$s/certificate.pem ]; then
                            echo "unreachable $out"
                        else
                            echo "$out" >&2
                            exit 5
                        fi
                        """
                                .formatted(cacert, https.acmeDirectory(), NodeLayout.TLS_STATE))
                .toString();
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** One look at the server from the node: unit state, restart count, {@code /healthz} body. */
    static String probe(NodeLayout layout, ServiceOptions service) {
        if (service.https().enabled()) {
            return httpsProbe(service);
        }
        var address = service.localAddress();
        var url =
                "http://"
                        + (address.contains(":") ? "[" + address + "]" : address)
                        + ":"
                        + service.port()
                        + "/healthz";
        var java =
                service.javaHome()
                        .map(h -> h + "/bin/java")
                        .orElse(layout.current() + "/runtime/bin/java");
        return """
                systemctl show %1$s -p ActiveState -p NRestarts
                if command -v curl >/dev/null; then
                    echo "body=$(curl -sS --max-time 3 %2$s 2>/dev/null || true)"
                else
                    echo "body=$(%3$s -jar %4$s/home-web.jar healthcheck --url %2$s 2>/dev/null | cut -d' ' -f2-)"
                fi
                """
                .formatted(NodeLayout.SERVICE, url, java, layout.current());
    }

    /**
     * With {@code https} on, plain HTTP only redirects, so the probe asks the https listener for
     * the canonical host on the node's own address. It does not check the certificate: the node
     * need not trust its CA (a test CA), and expiry and errors are in the {@code tls} object.
     * Preflight made sure curl is there.
     */
    private static String httpsProbe(ServiceOptions service) {
        var address = service.localAddress();
        var host = service.canonicalHost();
        return """
                systemctl show %1$s -p ActiveState -p NRestarts
                echo "body=$(curl -sS --insecure --max-time 3 --resolve %2$s:%3$d:%4$s https://%2$s/healthz 2>/dev/null || true)"
                """
                .formatted(
                        NodeLayout.SERVICE,
                        host,
                        ServiceOptions.HTTPS_PORT,
                        address.contains(":") ? "[" + address + "]" : address);
    }
}
