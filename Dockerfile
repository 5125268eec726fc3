# home-web as a container image: `docker run IMAGE` serves, `docker run IMAGE migrate` and
# `docker run IMAGE import` do the rest. The database URL is read from a secret file,
# /run/secrets/database-url; see tools/container/README-section.md.
#
# The base images are build arguments so the image can be built from local or mirrored bases
# (the test, tools/container/test-image.sh, builds both from Debian packages). The build image
# needs Maven and a JDK 17 with jlink; the runtime image only needs glibc, /bin/sh and useradd.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /build

# Dependencies first, from the POMs alone: a change of code, migrations or content does not
# re-run this layer. The cache mount keeps ~/.m2 across builds, so even a POM change downloads
# only what is new.
COPY pom.xml ./
COPY app/pom.xml app/
RUN --mount=type=cache,id=home-web-m2,sharing=locked,target=/root/.m2 \
    mvn -B -q -f app/pom.xml \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline

# The app module alone (-f app/pom.xml), so a module the server does not need can be added to
# the parent POM without touching this file. jOOQ generates its classes from migrations/.
COPY migrations migrations/
COPY app/src app/src/
RUN --mount=type=cache,id=home-web-m2,sharing=locked,target=/root/.m2 \
    mvn -B -q -f app/pom.xml package -Dmaven.test.skip=true \
    && cp app/target/home-web.jar /build/home-web.jar

# A Java runtime of just the modules the jar uses (jdeps), plus those it loads by name:
# jdk.crypto.ec for TLS to PostgreSQL, jdk.unsupported for libraries that use sun.misc.Unsafe.
# The CDS archive makes every JVM start, the health check's included, faster.
RUN modules="$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps home-web.jar)" \
    && jlink --add-modules "${modules},jdk.crypto.ec,jdk.unsupported" \
        --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 \
        --generate-cds-archive --output /build/jre

FROM ${RUNTIME_IMAGE}

# A fixed numeric uid, so `runAsNonRoot` and the owner of a mounted secret file are predictable.
# --no-log-init: a high uid would otherwise make a sparse but huge /var/log/lastlog.
RUN useradd --uid 10001 --user-group --no-log-init --no-create-home --home-dir /srv/home-web \
        --shell /usr/sbin/nologin home-web

ENV JAVA_HOME=/opt/home-web/jre \
    HOME_WEB_BIND=0.0.0.0 \
    HOME_WEB_PORT=8080 \
    HOME_WEB_DATABASE_URL_FILE=/run/secrets/database-url \
    HOME_WEB_CONTENT=/srv/home-web/content

COPY --from=build /build/jre /opt/home-web/jre
COPY tools/container/home-web /usr/local/bin/home-web
COPY --from=build /build/home-web.jar /opt/home-web/home-web.jar
# Last, because it changes most often. Mount your own over it: -v "$PWD/content:/srv/home-web/content:ro".
COPY content /srv/home-web/content

WORKDIR /srv/home-web
USER 10001:10001
EXPOSE 8080
# No --start-period: the server answers within seconds, well inside the first 30 s interval.
HEALTHCHECK --interval=30s --timeout=10s --retries=3 CMD ["home-web", "healthcheck"]
ENTRYPOINT ["home-web"]
CMD ["serve"]
