#!/usr/bin/env bash
# Builds the image from the repository's Dockerfile and checks it end to end, with podman and no
# image registry: the base images are made here from Debian packages.
#
#   tools/container/test-image.sh          (as root; CI runs it from .ci/run)
#
# Checks, one line each, then a summary line "container: N passed, N failed":
#   tools      podman, runc, mmdebstrap, PostgreSQL 15 and npm are there (installed if missing)
#   lint       dockerfilelint 1.8.0 reports nothing (suppressions explained in .dockerfilelintrc)
#   bases      local base images for the Dockerfile's BUILD_IMAGE and RUNTIME_IMAGE arguments
#   build      the image builds from the repository's Dockerfile
#   config     non-root USER, ENTRYPOINT home-web, EXPOSE 8080, HEALTHCHECK, no database URL in ENV
#   database   a PostgreSQL of its own on a free port, the URL in a secret file for the image
#   pending    `serve` refuses to start before `migrate` (exit 4)
#   migrate    `migrate` through the image, the URL from the mounted secret file
#   import     `import` loads the content/ the image carries
#   serve      `serve` answers a post over HTTP, with the post's title in the HTML
#   non-root   the server process runs as uid 10001, not 0
#   healthy    the image's own HEALTHCHECK turns the container healthy
#   own-content `import` of a content folder mounted over the image's reaches the running server
#   layers     after a code and content change the dependency layer is reused from the cache
#
# Everything a run creates is under one temporary folder (a private podman store, PostgreSQL's
# data, the secret file) and is removed on exit, on failure and on Ctrl-C too. Kept between runs
# under ${HOME_WEB_TEST_CACHE:-/var/cache/home-web-test}/container, so a second run is fast: the
# base images (keyed by their package lists), dockerfilelint, and Maven's download cache of the
# image build. Delete that folder to start cold.
set -Eeuo pipefail
shopt -s inherit_errexit

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly repo
# Other tests keep their caches beside this one, in the same root.
readonly cache="${HOME_WEB_TEST_CACHE:-/var/cache/home-web-test}/container"
readonly mirror="${HOME_WEB_TEST_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
readonly suite=bookworm
readonly run="home-web-test-$$" # the name, or prefix of the name, of everything this run creates
readonly pg_bin=/usr/lib/postgresql/15/bin
readonly app_uid=10001
readonly dockerfilelint_version=1.8.0

# The Dockerfile's base images, as Debian package lists: what a build image needs on top of
# Debian (Maven, a JDK with jlink) and nothing for the runtime image, like debian:bookworm-slim.
readonly build_packages="openjdk-17-jdk-headless maven"
readonly runtime_packages=""
# Like the official slim images: no manuals, no documentation, no translations.
readonly slim_options=(
    --dpkgopt='path-exclude=/usr/share/man/*'
    --dpkgopt='path-exclude=/usr/share/doc/*'
    --dpkgopt='path-include=/usr/share/doc/*/copyright'
    --dpkgopt='path-exclude=/usr/share/info/*'
    --dpkgopt='path-exclude=/usr/share/locale/*'
)

work=""
shm=""
passed=0
failed=0
last=0
started=$SECONDS

say() { printf '%s\n' "$*"; }

# check NAME TEXT FUNCTION [ARGS...]: runs the function in a subshell with errexit, its output
# indented, counts it as passed or failed and leaves its status in $last. Never call it, nor any
# function here that relies on errexit, as part of `||`, `&&`, `if` or `!`: bash ignores errexit
# in everything such a call runs.
check() {
    local name=$1 text=$2 t0=$SECONDS rc
    shift 2
    say "==> ${name}: ${text}"
    set +e
    (
        set -e
        "$@"
    ) 2>&1 | sed -u 's/^/    /'
    rc=${PIPESTATUS[0]}
    set -e
    if ((rc == 0)); then
        passed=$((passed + 1))
        say "ok   ${name} ($((SECONDS - t0)) s)"
    else
        failed=$((failed + 1))
        say "FAIL ${name} (exit ${rc}, $((SECONDS - t0)) s)"
    fi
    last=$rc
}

# Stops the run when the last check failed: the ones after it depend on it.
required() {
    if ((last != 0)); then
        say "!!! the checks after this one depend on it; skipping them"
        exit 1
    fi
}

fail() {
    say "error: $*"
    return 1
}

# The run's private podman store; base images come read-only from the cache's store.
pm() { CONTAINERS_STORAGE_CONF="$work/storage.conf" podman --tmpdir "$work/libpod" "$@"; }
# The cache's store, which holds only base images and outlives the run.
cache_pm() {
    CONTAINERS_STORAGE_CONF="$work/storage-cache.conf" podman --tmpdir "$cache/images/libpod" "$@"
}

# podman 4.3 tries to start a systemd timer for every container with a HEALTHCHECK, and logs an
# error when there is no systemd (as on this machine); the `healthy` check runs the health check
# itself with `podman healthcheck run`. Drop that noise, keep everything else.
without_timer_noise() { grep -v 'unable to get systemd connection' || true; }

# remove_run WORK: stops and removes everything of the run whose folder is WORK; prints what
# could not be removed.
remove_run() {
    local work=$1 # pm and the podman configuration files follow this folder
    if [[ -f $work/pg/data/postmaster.pid ]]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w -t 20 stop >/dev/null ||
            runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null
    fi
    if [[ -d $work/storage ]]; then
        CONTAINERS_CONF="$work/containers.conf" pm pod rm --all --force --time 0 >/dev/null 2>&1
        CONTAINERS_CONF="$work/containers.conf" pm rm --all --force --time 0 >/dev/null 2>&1
    fi
    # Overlay mounts of the private store, deepest first, so nothing is left mounted.
    findmnt -rn -o TARGET | awk -v w="$work/" 'index($0, w) == 1' | sort -r |
        while read -r mount; do umount -l "$mount"; done
    # --one-file-system: should an unmount have failed, never delete through a mount.
    rm -rf --one-file-system "$work"
    [[ ! -e $work ]] || printf '%s\n' "$work"
    pgrep -a -f -- "$work" || true
}

# Runs killed with SIGKILL (a CI time-out) cannot clean up after themselves: the next run does,
# for each folder whose run (its pid is in the name) is gone.
remove_dead_runs() {
    local dir pid
    for dir in /var/tmp/home-web-test.*.* /dev/shm/home-web-test.*.*; do
        [[ -d $dir ]] || continue
        pid=${dir##*/home-web-test.}
        pid=${pid%%.*}
        [[ $pid =~ ^[0-9]+$ ]] || continue
        if ! kill -0 "$pid" 2>/dev/null; then
            say "removing ${dir}, left by run ${pid}, which was killed"
            remove_run "$dir" >/dev/null
        fi
    done
}

cleanup() {
    local rc=$? leftovers
    set +e
    trap - EXIT INT TERM
    if [[ -n $work && -d $work ]]; then
        say "==> cleanup: removing everything this run created (${work})"
        leftovers=$(remove_run "$work")
        if [[ -n $leftovers ]]; then
            say "FAIL cleanup: left behind: ${leftovers}"
            failed=$((failed + 1))
        fi
    fi
    if [[ -n $shm && -d $shm ]]; then
        remove_run "$shm" >/dev/null
    fi
    if ((rc != 0 && failed == 0)); then
        say "FAIL interrupted (exit ${rc})"
        failed=1
    fi
    say "container: ${passed} passed, ${failed} failed ($((SECONDS - started)) s)"
    if ((failed > 0 || rc != 0)); then
        exit 1
    fi
    exit 0
}

# --- tools ----------------------------------------------------------------------------------

install_tools() {
    local missing=()
    command -v podman >/dev/null || missing+=(podman)
    command -v runc >/dev/null || missing+=(runc)
    command -v slirp4netns >/dev/null || missing+=(slirp4netns)
    command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
    command -v curl >/dev/null || missing+=(curl)
    command -v npm >/dev/null || missing+=(npm)
    [[ -x $pg_bin/postgres ]] || missing+=(postgresql-15)
    if ((${#missing[@]} > 0)); then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        if ! apt-get install -y --no-upgrade "${missing[@]}" >"$work/apt.log" 2>&1; then
            # A machine whose package lists were never fetched knows no package at all.
            apt-get update >>"$work/apt.log" 2>&1
            apt-get install -y --no-upgrade "${missing[@]}" >>"$work/apt.log" 2>&1 ||
                { tail -n 20 "$work/apt.log"; return 1; }
        fi
    fi
    say "$(podman --version), $(runc --version | sed -n 1p), mmdebstrap $(mmdebstrap --version | awk '{print $2}')"
}

# --- lint -----------------------------------------------------------------------------------

lint() {
    local dir="$cache/npm/dockerfilelint-$dockerfilelint_version" tmp
    if [[ ! -x $dir/node_modules/.bin/dockerfilelint ]]; then
        mkdir -p "$cache/npm"
        tmp=$(mktemp -d "$cache/npm/install.XXXXXX")
        npm install --prefix "$tmp" --cache "$cache/npm/cache" --no-audit --no-fund \
            --loglevel=error "dockerfilelint@$dockerfilelint_version" >"$work/npm.log" 2>&1 ||
            { cat "$work/npm.log"; rm -rf "$tmp"; return 1; }
        rm -rf "$dir"
        mv "$tmp" "$dir"
    fi
    # Rules switched off in .dockerfilelintrc say why there; missing_tag is one, because the
    # linter does not expand ARGs: check here that every base-image ARG default has a tag.
    local arg bad=0
    while read -r arg; do
        if [[ ! ${arg#*=} =~ [:@] ]]; then
            say "base image argument without a tag or digest: ${arg}"
            bad=1
        fi
    done < <(grep -E '^ARG [A-Z_]+_IMAGE=' "$repo/Dockerfile")
    "$dir/node_modules/.bin/dockerfilelint" -c "$repo/tools/container" "$repo/Dockerfile"
    return "$bad"
}

# --- base images ----------------------------------------------------------------------------

# base_image NAME PACKAGES: prints the reference of a base image holding Debian with PACKAGES,
# made with mmdebstrap and imported into the cache's store unless it is there already.
base_image() {
    local name=$1 packages=$2 key ref
    key=$(printf '%s\n' v1 "$suite" "$mirror" "$packages" "${slim_options[@]}" | sha256sum | cut -c 1-16)
    ref="localhost/home-web-test/${name}:${key}"
    exec 9>"$cache/images/$name.lock"
    flock 9 # another run making the same image: wait for it, then use it
    if ! cache_pm image exists "$ref"; then
        local include=() t0=$SECONDS old
        [[ -n $packages ]] && include=("--include=${packages// /,}")
        say "making ${ref} (Debian ${suite} minbase${packages:+ + $packages})"
        # The man1 folder: openjdk's postinst links its manual pages there, excluded or not.
        # shellcheck disable=SC2016 # $1 is for mmdebstrap's hook, not for this shell
        TMPDIR="$shm" mmdebstrap --variant=minbase --mode=root --format=tar \
            --dpkgopt=force-unsafe-io "${slim_options[@]}" "${include[@]}" \
            --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
            "$suite" "$work/$name.tar" "$mirror" >"$work/$name.log" 2>&1 ||
            { tail -n 30 "$work/$name.log"; return 1; }
        cache_pm import --quiet "$work/$name.tar" "$ref" >/dev/null
        rm -f "$work/$name.tar"
        # Images of older package lists are of no more use.
        for old in $(cache_pm images --format '{{.Repository}}:{{.Tag}}' | grep "^localhost/home-web-test/${name}:"); do
            [[ $old == "$ref" ]] || cache_pm rmi "$old" >/dev/null
        done
        say "made ${ref} in $((SECONDS - t0)) s"
    fi
    exec 9>&-
    printf '%s\n' "$ref" >"$work/$name-image.ref"
}

make_bases() {
    local build_pid runtime_pid runtime_rc=0 build_rc=0
    mkdir -p "$cache/images"
    # Both at once: most of the time goes to dpkg and the network, not to the two cores.
    base_image build "$build_packages" 2>&1 | sed -u 's/^/build: /' &
    build_pid=$!
    base_image runtime "$runtime_packages" 2>&1 | sed -u 's/^/runtime: /' &
    runtime_pid=$!
    wait "$runtime_pid" || runtime_rc=$?
    wait "$build_pid" || build_rc=$?
    ((runtime_rc == 0 && build_rc == 0)) || fail "base images: runtime exit ${runtime_rc}, build exit ${build_rc}"
    cache_pm images --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^localhost/home-web-test/'
}

# --- the image ------------------------------------------------------------------------------

# build_image TAG CONTEXT LOG: builds the Dockerfile in CONTEXT on the local base images.
build_image() {
    local tag=$1 context=$2 log=$3 t0=$SECONDS trust=()
    # Build steps use the host's network and the host's Java trust store, so Maven in the build
    # reaches Maven Central exactly as Maven on this machine does (a TLS-inspecting proxy too).
    if [[ -f /etc/ssl/certs/java/cacerts ]]; then
        trust=(--volume /etc/ssl/certs/java/cacerts:/etc/ssl/certs/java/cacerts:ro)
    fi
    mkdir -p "$cache/build-tmp"
    # TMPDIR is where buildah keeps RUN --mount=type=cache folders: Maven's ~/.m2 outlives the run.
    # --format docker: the OCI image format has no HEALTHCHECK.
    TMPDIR="$cache/build-tmp" pm build --pull=never --format docker --network host "${trust[@]}" \
        --build-arg "BUILD_IMAGE=$(<"$work/build-image.ref")" \
        --build-arg "RUNTIME_IMAGE=$(<"$work/runtime-image.ref")" \
        --tag "$tag" --file "$context/Dockerfile" "$context" 2>&1 |
        while IFS= read -r line; do printf '%4d s  %s\n' $((SECONDS - t0)) "$line"; done |
        tee "$log" | grep --line-buffered -E '^ *[0-9]+ s  (\[[0-9]/[0-9]\] STEP|--> Using cache|Error|\[ERROR\])' || true
    pm image exists "$tag" || { tail -n 40 "$log"; return 1; }
}

build() {
    build_image "$image" "$repo" "$work/build.log"
    say "image ${image}: $(pm image inspect --format '{{.Size}}' "$image" | numfmt --to=si)B"
}

config() {
    local user entrypoint ports health env
    user=$(pm image inspect --format '{{.Config.User}}' "$image")
    entrypoint=$(pm image inspect --format '{{json .Config.Entrypoint}}' "$image")
    ports=$(pm image inspect --format '{{json .Config.ExposedPorts}}' "$image")
    health=$(pm image inspect --format '{{json .HealthCheck.Test}}' "$image")
    env=$(pm image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image")
    say "USER ${user}; ENTRYPOINT ${entrypoint}; EXPOSE ${ports}; HEALTHCHECK ${health}"
    local ok=0
    [[ -n $user && ${user%%:*} != 0 && ${user%%:*} != root ]] || { say "USER is root or unset"; ok=1; }
    [[ $entrypoint == '["home-web"]' ]] || { say "ENTRYPOINT is not [\"home-web\"]"; ok=1; }
    [[ $ports == *'"8080/tcp"'* ]] || { say "8080/tcp is not exposed"; ok=1; }
    [[ $health == '["CMD","home-web","healthcheck"]' ]] || { say "HEALTHCHECK is not home-web healthcheck"; ok=1; }
    grep -qx 'HOME_WEB_BIND=0.0.0.0' <<<"$env" || { say "HOME_WEB_BIND is not 0.0.0.0"; ok=1; }
    grep -qx 'HOME_WEB_DATABASE_URL_FILE=/run/secrets/database-url' <<<"$env" ||
        { say "HOME_WEB_DATABASE_URL_FILE is not /run/secrets/database-url"; ok=1; }
    if grep -Eiq 'postgres(ql)?://|jdbc:' <<<"$env"; then
        say "a database URL is in the image's environment"
        ok=1
    fi
    return "$ok"
}

# --- PostgreSQL and the pod -----------------------------------------------------------------

free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 30000))
        if [[ -z $(ss -Hltn "( sport = :$port )") ]]; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    fail "no free TCP port found"
}

database() {
    local pg="$work/pg" password port attempt
    install -d -o postgres -m 0700 "$pg"
    password=$(od -An -N 24 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" | install -o postgres -m 0400 /dev/stdin "$pg/password"
    runuser -u postgres -- "$pg_bin/initdb" --pgdata "$pg/data" --username homeweb \
        --pwfile "$pg/password" --auth-host scram-sha-256 --auth-local trust \
        --encoding UTF8 --locale C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; return 1; }
    # Loopback only, a free port, its socket in the run's folder: nothing else on the machine
    # sees it or collides with it. A port taken in the meantime just means another try.
    for attempt in 1 2 3; do
        port=$(free_port)
        if runuser -u postgres -- "$pg_bin/pg_ctl" --pgdata "$pg/data" --log "$pg/log" --wait \
            --timeout 30 --options "-c listen_addresses=127.0.0.1 -c port=$port -k $pg -c fsync=off -c dynamic_shared_memory_type=mmap" \
            start >/dev/null; then
            break
        fi
        ((attempt < 3)) || { cat "$pg/log"; return 1; }
    done
    runuser -u postgres -- "$pg_bin/createdb" --host "$pg" --port "$port" --username homeweb homeweb
    say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:${port}"

    # The pod's network is slirp4netns: private to the pod, no bridge or firewall rules on the
    # host; 10.0.2.2 inside is the host's loopback, where PostgreSQL listens.
    printf 'postgresql://homeweb:%s@10.0.2.2:%s/homeweb\n' "$password" "$port" >"$secret"
    chown "$app_uid:$app_uid" "$secret"
    chmod 0400 "$secret"
    pm pod create --name "$run" --network slirp4netns:allow_host_loopback=true \
        --publish 127.0.0.1::8080 >/dev/null
    pm pod inspect "$run" --format '{{(index (index .InfraConfig.PortBindings "8080/tcp") 0).HostPort}}' \
        >"$work/http.port"
    say "pod ${run}: the container's port 8080 is 127.0.0.1:$(<"$work/http.port")"
}

# app COMMAND...: runs the image once in the pod, the database URL from the secret file.
app() {
    pm run --rm --pull=never --pod "$run" --no-healthcheck \
        --volume "$secret:/run/secrets/database-url:ro" "$image" "$@"
}

pending() {
    local rc=0
    app serve >"$work/pending.log" 2>&1 || rc=$?
    cat "$work/pending.log"
    ((rc == 4)) || fail "serve before migrate exited ${rc}, expected 4 (migrations pending)"
}

migrate() {
    app migrate
    app migrate --status
}

import() {
    app import | tee "$work/import.log"
    grep -Eq 'Imported: [1-9][0-9]* added' "$work/import.log" || fail "import added no post"
}

# The post the serve check fetches: hello.md if it is there, else the first post, as
# "slug<TAB>title".
sample_post() {
    local file slug title
    file="$repo/content/posts/hello.md"
    [[ -f $file ]] || file=$(find "$repo/content/posts" -name '*.md' | sort | sed -n 1p)
    [[ -n $file ]] || fail "no post in content/posts"
    slug=$(sed -n 's/^slug:[[:space:]]*//p' "$file" | sed -n 1p)
    title=$(sed -n 's/^title:[[:space:]]*//p' "$file" | sed -n 1p | sed -E 's/^"(.*)"$/\1/; s/^'"'"'(.*)'"'"'$/\1/')
    # A post folder (posts/SLUG/index.md) takes its slug from the folder.
    if [[ -z $slug && $(basename "$file") == index.md ]]; then
        slug=$(basename "$(dirname "$file")")
    fi
    printf '%s\t%s\n' "${slug:-$(basename "$file" .md)}" "$title"
}

serve() {
    local port url body slug title escaped attempt
    port=$(<"$work/http.port")
    url="http://127.0.0.1:$port"
    pm run --detach --pull=never --name "$run-web" --pod "$run" \
        --volume "$secret:/run/secrets/database-url:ro" "$image" 2>&1 | without_timer_noise
    for attempt in $(seq 120); do
        if curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; then
            break
        fi
        ((attempt < 120)) || { pm logs "$run-web"; fail "no answer from $url/healthz in 60 s"; }
        if [[ $(pm inspect --format '{{.State.Running}}' "$run-web") != true ]]; then
            pm logs "$run-web"
            fail "the server exited"
        fi
        sleep 0.5
    done
    pm logs "$run-web"
    say "GET /healthz: $(curl -fsS "$url/healthz")"
    IFS=$'\t' read -r slug title < <(sample_post)
    body=$(curl -fsS "$url/blog/$slug")
    escaped=$(sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$title")
    if grep -Fq "<title>$escaped" <<<"$body" || grep -Eq "<h1[^>]*>$escaped</h1>" <<<"$body"; then
        say "GET /blog/${slug}: 200, title \"${title}\" in the HTML"
    else
        printf '%s\n' "$body" | sed -n 1,20p
        fail "GET /blog/${slug}: no title \"${title}\" in the HTML"
    fi
}

non_root() {
    local pid uid inside
    pid=$(pm inspect --format '{{.State.Pid}}' "$run-web")
    uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
    inside=$(pm exec "$run-web" id -u)
    say "server process $(cat "/proc/$pid/comm") (host pid ${pid}): uid ${uid}; id -u in the container: ${inside}"
    ((uid != 0 && inside != 0)) || fail "the server runs as root"
    ((uid == app_uid)) || fail "the server runs as uid ${uid}, expected ${app_uid}"
}

healthy() {
    local status
    # No systemd here to run the HEALTHCHECK on its interval, so run it as the timer would.
    for _ in $(seq 30); do
        pm healthcheck run "$run-web" >/dev/null 2>&1 || true
        status=$(pm inspect --format '{{.State.Health.Status}}' "$run-web")
        if [[ $status == healthy ]]; then
            say "health status: ${status} (home-web healthcheck inside the container)"
            return 0
        fi
        sleep 2
    done
    pm inspect --format '{{json .State.Health}}' "$run-web"
    fail "health status is ${status}, not healthy"
}

# Mounting your own content folder, as the README says: import reads it, and the running server
# shows the new post without a restart (it listens for the import's notification).
own_content() {
    local content="$work/content" url attempt
    url="http://127.0.0.1:$(<"$work/http.port")"
    mkdir -p "$content/posts"
    cp "$repo"/content/posts/*.md "$content/posts/"
    cat >"$content/posts/container-own-content.md" <<'POST'
---
title: Mounted from the host
date: 2026-01-02
---
Imported from a content folder mounted over the image's.
POST
    chmod -R a+rX "$content"
    pm run --rm --pull=never --pod "$run" --no-healthcheck \
        --volume "$secret:/run/secrets/database-url:ro" \
        --volume "$content:/srv/home-web/content:ro" "$image" import
    for attempt in $(seq 20); do
        if curl -fsS "$url/blog/container-own-content" 2>/dev/null | grep 'Mounted from the host' >/dev/null; then
            say "GET /blog/container-own-content: the new post, served without a restart"
            return 0
        fi
        sleep 0.5
    done
    fail "the running server does not show the imported post"
}

# After a change of code and content the dependency layer must come from the cache and the
# build must see the change: layers are in the right order.
layers() {
    local context="$work/context" log="$work/rebuild.log" java
    mkdir -p "$context"
    tar -C "$repo" --exclude=./.git --exclude='./*/target' --exclude=./target -cf - . | tar -C "$context" -xf -
    java=$(find "$context/app/src/main/java" -name '*.java' | sort | sed -n 1p)
    printf '\n// Changed by tools/container/test-image.sh to check the build cache.\n' >>"$java"
    cat >"$context/content/posts/container-layer-check.md" <<'EOF'
---
title: Container layer check
date: 2026-01-01
---
Added by tools/container/test-image.sh.
EOF
    build_image "$image-rebuilt" "$context" "$log"
    local offline package
    offline=$(grep -A1 -E 'STEP [0-9]+/[0-9]+: RUN .*go-offline' "$log" | tail -n 1)
    package=$(grep -A1 -E 'STEP [0-9]+/[0-9]+: RUN .* package ' "$log" | tail -n 1)
    [[ $offline == *'Using cache'* ]] || fail "the dependency step ran again after a code change"
    [[ $package != *'Using cache'* ]] || fail "the package step did not see the code change"
    pm run --rm --pull=never --no-healthcheck --entrypoint cat "$image-rebuilt" \
        /srv/home-web/content/posts/container-layer-check.md >/dev/null ||
        fail "the rebuilt image lacks the new post"
    say "dependencies from the cache; code rebuilt; new content in the image"
}

# --- main -----------------------------------------------------------------------------------

main() {
    [[ $(id -u) == 0 ]] || { say "run as root (podman builds and runs the image rootful)"; exit 2; }
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mkdir -p "$cache"
    remove_dead_runs
    work=$(mktemp -d "/var/tmp/home-web-test.$$.XXXXXX")
    chmod 0711 "$work" # PostgreSQL runs as postgres and must reach its folder inside
    shm=$(mktemp -d "/dev/shm/home-web-test.$$.XXXXXX" 2>/dev/null || mktemp -d "$work/shm.XXXXXX")
    image="localhost/${run}:test"
    secret="$work/secrets/database-url"
    mkdir -p "$work/secrets" "$work/libpod"
    cat >"$work/containers.conf" <<EOF
# See ../shared/STACK.md: runc (crun fails on these hybrid cgroups) and fixed ulimits.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$work/events.log"
EOF
    cat >"$work/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$work/storage"
runroot = "$work/run"
[storage.options]
additionalimagestores = ["$cache/images/storage"]
EOF
    cat >"$work/storage-cache.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$cache/images/storage"
runroot = "$cache/images/run"
EOF
    export CONTAINERS_CONF="$work/containers.conf"
    say "home-web container test: ${repo} (run ${run}, cache ${cache})"

    check tools "podman, runc, mmdebstrap, PostgreSQL 15, npm" install_tools
    required
    check lint "dockerfilelint ${dockerfilelint_version} on the Dockerfile" lint
    check bases "local base images from Debian ${suite} packages" make_bases
    required
    check build "podman build of the Dockerfile with the local base images" build
    required
    check config "the image's user, entrypoint, port, health check and environment" config
    check database "PostgreSQL on a private port, the URL in a secret file" database
    required
    check pending "serve refuses to start while migrations are pending" pending
    check migrate "migrate through the image" migrate
    required
    check import "import of the image's content/" import
    required
    check serve "serve, then GET a post over HTTP" serve
    required
    check non-root "the server process does not run as root" non_root
    check healthy "the HEALTHCHECK turns the container healthy" healthy
    check own-content "import of a mounted content folder reaches the running server" own_content
    check layers "rebuild after a code and a content change" layers
}

main "$@"
