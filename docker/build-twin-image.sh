#!/usr/bin/env bash
# Builds the twin image offline and prints its reference as the last line of stdout.
#
# Usage: docker/build-twin-image.sh [--dist DIR] [--base IMAGE] [--no-strip] [--force] [--quiet]
#   --dist DIR    the edge-core distribution (default: edge-core/target/twin-dist), holding
#                 lib/ (jars), pytorch/ (pre-extracted natives), aws-crt/ (aws-crt's JNI library,
#                 optional), onnxruntime/ (ONNX Runtime's linux-x64 natives, optional), models/ and recipes/
#   --base IMAGE  base image (default: scratch). With scratch the image gets a jlink Java 17
#                 runtime, the shared libraries `ldd` finds and a static busybox; with any other
#                 base (e.g. eclipse-temurin:17-jre, needs a registry) only the app and natives.
#   --no-strip    keep symbol tables in the .so files (stripping saves ~100 MB, costs ~2 s)
#   --force       rebuild even if the image exists, without any cache (jlink runtime, stripped
#                 natives, Docker's layer cache): for cold-build timings or a suspected bad cache
#   --quiet       no progress lines on stderr (errors are still reported)
#
# The tag is a content hash, edgetwin/twin:<16 hex>, over everything that goes into the image:
# an unchanged project finds its image and exits without staging or building.
# After a build, older edgetwin/twin images are removed unless a container uses them or they are
# younger than EDGETWIN_IMAGE_GRACE_MINUTES (default 10: another run may be about to start one).
# Exit codes: 0 ok, 2 missing input (dist, Docker engine, JDK, busybox), 1 any other failure.
set -euo pipefail
shopt -s inherit_errexit

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$script_dir/.." && pwd)
dockerfile=$script_dir/twin.Dockerfile
work_dir=$script_dir/target
stage=$work_dir/twin-rootfs
sha_cache=$work_dir/dist-sha256.cache
runtime_cache=$work_dir/jlink-runtime
natives_cache=$work_dir/natives
build_log=$work_dir/twin-build.log
repository=edgetwin/twin

# Java modules of the jlink runtime. jdeps over the third-party jars also names java.desktop
# (DJL image/audio helpers, JNA's AWT bridge, Jackson/SnakeYAML java.beans support),
# java.compiler (DJL ClassLoaderUtils): all optional paths the core does not take (recipes are
# read with SnakeYAML's SafeConstructor).
# java.naming/jdk.crypto.ec/java.net.http are reached by reflection or service lookup (TLS,
# HTTP), which jdeps cannot see. Whatever the edge-core jar itself needs is added by jdeps.
# The AWS SDK v2 S3 client (artifact downloads, with the JDK's URL connection as HTTP client) needs
# java.xml (S3's XML protocol) beside java.base: jdeps over its jars names nothing else.
base_modules=java.base,java.logging,java.management,java.naming,java.net.http,java.xml,java.sql,jdk.unsupported,jdk.crypto.ec
# CDS archive: halves JVM start (0.09 -> 0.045 s for a trivial main) and is shared between twins.
jlink_options="--strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive"

dist=$repo_dir/edge-core/target/twin-dist
base=scratch
strip_natives=true
quiet=false
force=false
grace_minutes=${EDGETWIN_IMAGE_GRACE_MINUTES:-10}

say() { $quiet || echo "edgetwin: $*" >&2; }
fail() { local code=$1; shift; echo "edgetwin: $*" >&2; exit "$code"; }
seconds_since() { awk -v from="$1" -v now="$(date +%s%N)" 'BEGIN { printf "%.1f", (now - from) / 1e9 }'; }

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --dist) dist=${2:?--dist needs a directory}; shift 2 ;;
      --base) base=${2:?--base needs an image name}; shift 2 ;;
      --no-strip) strip_natives=false; shift ;;
      --force) force=true; shift ;;
      --quiet) quiet=true; shift ;;
      -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
      *) fail 2 "unknown argument '$1'; usage: docker/build-twin-image.sh [--dist DIR] [--base IMAGE] [--no-strip] [--force] [--quiet]" ;;
    esac
  done
  dist=$(cd "$repo_dir" && realpath -m "$dist")
  if $strip_natives && ! command -v strip >/dev/null 2>&1; then
    say "no 'strip' on PATH (binutils): shared libraries stay unstripped"
    strip_natives=false
  fi
}

check_dist() {
  local hint="run \`mvn -q -DskipTests package\` first (it assembles edge-core/target/twin-dist)"
  [ -d "$dist" ] || fail 2 "no twin distribution at $dist; $hint"
  compgen -G "$dist/lib/*.jar" >/dev/null || fail 2 "no jars in $dist/lib; $hint"
  [ -f "$dist/pytorch/libtorch_cpu.so" ] || fail 2 "no PyTorch natives ($dist/pytorch/libtorch_cpu.so); $hint"
}

check_engine() {
  command -v docker >/dev/null 2>&1 || fail 2 "no 'docker' command; run docker/ensure-engine.sh first"
  docker version --format '{{.Server.Version}}' >/dev/null 2>&1 \
    || fail 2 "the Docker engine does not answer; run docker/ensure-engine.sh first"
}

is_scratch() { [ "$base" = scratch ]; }

find_jdk() {
  local home=${JAVA_HOME:-}
  if [ -z "$home" ] || [ ! -x "$home/bin/jlink" ]; then
    local javac_path
    javac_path=$(command -v javac 2>/dev/null) || fail 2 "no JDK: set JAVA_HOME or put a JDK 17 'javac' on PATH (jlink builds the image's runtime)"
    home=$(dirname "$(dirname "$(readlink -f "$javac_path")")")
  fi
  [ -x "$home/bin/jlink" ] || fail 2 "no jlink in $home/bin: a full JDK 17 is needed, not a JRE"
  grep -q '^JAVA_VERSION="17' "$home/release" 2>/dev/null \
    || fail 2 "the JDK at $home is not Java 17 ($(grep '^JAVA_VERSION=' "$home/release" 2>/dev/null || echo 'no release file'))"
  jdk=$home
}

find_busybox() {
  local candidate
  for candidate in "$(command -v busybox 2>/dev/null || true)" /bin/busybox /usr/bin/busybox; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && is_static "$candidate"; then
      busybox=$(readlink -f "$candidate")
      return
    fi
  done
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    fail 2 "no static busybox found; install Debian's 'busybox-static' (or any statically linked busybox on PATH) and retry"
  fi
  say "installing busybox-static (Debian package) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq busybox-static >/dev/null
  busybox=/bin/busybox
  is_static "$busybox" || fail 2 "$busybox is not statically linked after installing busybox-static"
}

is_static() { [[ $(ldd "$1" 2>&1 || true) == *"not a dynamic executable"* ]]; }

# Host shared libraries that the given ELF files resolve to (absolute paths, sorted, unique),
# leaving out those found under $1 (the tree being staged). With strict=true an unresolved
# library is an error; the content hash looks up libraries without that check.
host_libraries() {
  local strict=$1 own=$2; shift 2
  local out name missing=""
  out=$(for f in "$@"; do ldd "$f" 2>&1 || true; done)
  if $strict; then
    # e.g. libjava.so -> libjvm.so: found at run time inside the runtime, not through ldd's paths
    # shellcheck disable=SC2013 # sonames have no spaces
    for name in $(awk '/=> not found/ { print $1 }' <<<"$out" | sort -u); do
      [ -n "$(find "$own" -name "$name" -print -quit)" ] || missing+="$name "
    done
    [ -z "$missing" ] || fail 1 "shared libraries not found on this host: $missing"
  fi
  awk -v own="$own/" '
    /=>/ { p = $3 } !/=>/ { p = $1 }
    p ~ /^\// && index(p, own) != 1 { print p }' <<<"$out" | sort -u
}

# One line per dist file: path, mode and sha256 (or link target). Checksums are cached by
# path+size+mtime+inode in $sha_cache, so an unchanged dist is not re-read (~450 MB of natives).
# shellcheck disable=SC2034 # fresh is read through the nameref in write_sha_cache
dist_manifest() {
  local -A cached=() fresh=() key_of=()
  local key sum rel size mtime ino mode type link line
  local -a entries=() misses=()
  if [ -f "$sha_cache" ]; then
    while IFS=$'\t' read -r key sum; do cached[$key]=$sum; done <"$sha_cache"
  fi
  while IFS= read -r line; do entries+=("$line"); done < <(
    cd "$dist" && find lib pytorch aws-crt onnxruntime models recipes -mindepth 1 \( -type f -o -type l \) \
      -printf '%p\t%s\t%T@\t%i\t%m\t%y\t%l\n' 2>/dev/null | LC_ALL=C sort)
  for line in "${entries[@]}"; do
    IFS=$'\t' read -r rel size mtime ino mode type link <<<"$line"
    key="$dist/$rel|$size|$mtime|$ino"
    if [ "$type" = f ] && [ -z "${cached[$key]:-}" ]; then misses+=("$rel"); key_of[$rel]=$key; fi
  done
  if [ ${#misses[@]} -gt 0 ]; then
    while read -r sum rel; do cached[${key_of[$rel]}]=$sum; done < <(cd "$dist" && sha256sum -- "${misses[@]}")
  fi
  for line in "${entries[@]}"; do
    IFS=$'\t' read -r rel size mtime ino mode type link <<<"$line"
    key="$dist/$rel|$size|$mtime|$ino"
    if [ "$type" = f ]; then
      sum=${cached[$key]:?no checksum for $rel}
      fresh[$key]=$sum
      printf '%s %s %s\n' "$rel" "$mode" "$sum"
    else
      printf '%s link %s\n' "$rel" "$link"
    fi
  done
  [ ${#misses[@]} -eq 0 ] || write_sha_cache fresh
}

write_sha_cache() {
  local -n sums=$1
  local tmp key
  mkdir -p "$work_dir"
  tmp=$(mktemp "$sha_cache.XXXXXX")
  { if [ -f "$sha_cache" ]; then grep -v -F "$dist/" "$sha_cache" || true; fi
    for key in "${!sums[@]}"; do printf '%s\t%s\n' "$key" "${sums[$key]}"; done
  } >"$tmp"
  mv -f "$tmp" "$sha_cache"
}

content_hash() {
  {
    echo "edgetwin twin image v1"
    echo "base $base"
    is_scratch || echo "base-id $(docker image inspect --format '{{.Id}}' "$base" 2>/dev/null || echo not-local)"
    echo "strip $strip_natives"
    (cd "$script_dir" && sha256sum twin.Dockerfile twin-cds.Dockerfile build-twin-image.sh)
    if is_scratch; then
      echo "modules $base_modules $jlink_options"
      cat "$jdk/release"
      stat -L -c '%n %s %Y' "$jdk/lib/modules" "$jdk/lib/server/libjvm.so"
      sha256sum "$busybox" | cut -d' ' -f1
      host_libraries false "$dist" "$jdk/bin/java" "$jdk/lib/server/libjvm.so" "$jdk"/lib/lib{java,jli,zip,net,nio,management}.so \
        "$dist"/pytorch/*.so* $(compgen -G "$dist/aws-crt/*.so" || true) $(compgen -G "$dist/onnxruntime/*.so" || true) \
        | xargs -r stat -L -c '%n %s %Y'
    fi
    dist_manifest
  } | sha256sum | cut -c1-16
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# --- staging ---------------------------------------------------------------------------------

clean_stage() { rm -rf "$stage"; }

on_exit() {
  local code=$?
  clean_stage
  if [ "$code" != 0 ]; then echo "edgetwin: twin image build failed (exit $code)" >&2; fi
}

# The stage holds three partial root filesystems, one image layer each, ordered by how often
# they change: system (runtime, libraries, busybox, work dirs), natives (/opt/pytorch), app
# (/opt/edgetwin). A code change then rebuilds only the small app layer: Docker's build cache
# matches the other two by content.
system=$stage/system
natives=$stage/natives
app=$stage/app

# jlink output depends only on the JDK and the module list, so it is kept between builds in
# $runtime_cache/<key> (only the newest key) and hard-linked into the stage.
stage_runtime() {
  local started modules core_jars extra key cached tmp
  started=$(date +%s%N)
  modules=$base_modules
  core_jars=$(compgen -G "$dist/lib/edgetwin-*.jar" || compgen -G "$dist/lib/edge-core*.jar" || true)
  if [ -n "$core_jars" ]; then
    # shellcheck disable=SC2086 # one jar per word
    extra=$("$jdk/bin/jdeps" --print-module-deps --no-recursive --ignore-missing-deps --multi-release 17 -q $core_jars)
    modules=$(tr ',' '\n' <<<"$modules,$extra" | grep -v '^$' | sort -u | paste -sd, -)
  fi
  key=$({ cat "$jdk/release"; echo "$modules $jlink_options strip=$strip_natives"; } | sha256sum | cut -c1-16)
  cached=$runtime_cache/$key
  if [ ! -d "$cached" ] || $force; then
    rm -rf "$runtime_cache"
    mkdir -p "$runtime_cache"
    tmp=$(mktemp -d "$runtime_cache/jlink.XXXXXX")
    # shellcheck disable=SC2086 # options are words
    "$jdk/bin/jlink" --add-modules "$modules" $jlink_options --output "$tmp/java" >/dev/null
    # The -Xmx48m twins use compressed oops: the no-coops archive is dead weight (10 MB).
    rm -f "$tmp/java/lib/server/classes_nocoops.jsa"
    if $strip_natives; then find "$tmp/java" -type f -name '*.so' -exec strip --strip-unneeded {} +; fi
    mv "$tmp/java" "$cached"
    rm -rf "$tmp"
    say "jlink runtime: $modules ($(seconds_since "$started") s)"
  else
    say "jlink runtime: $modules (cached)"
  fi
  mkdir -p "$system/opt"
  copy_tree "$cached" "$system/opt/java"
}

stage_libraries() {
  local libs lib
  libs=$(host_libraries true "$stage" "$system/opt/java/bin/java" "$system/opt/java/lib/jspawnhelper" \
           "$system"/opt/java/lib/*.so "$system"/opt/java/lib/server/*.so "$natives"/opt/pytorch/*.so* \
           $(compgen -G "$natives/usr/lib/libaws-crt-jni.so" || true) $(compgen -G "$natives/opt/onnxruntime/*.so" || true))
  for lib in $libs; do
    mkdir -p "$system$(dirname "$lib")"
    cp -L "$lib" "$system$lib"  # the soname path, holding the resolved file
    if $strip_natives; then strip --strip-unneeded "$system$lib" 2>/dev/null || true; fi
  done
  say "shared libraries: $(for lib in $libs; do printf '%s ' "${lib##*/}"; done)"
}

stage_busybox() {
  local applet
  mkdir -p "$system/bin" "$system/usr/bin"
  cp "$busybox" "$system/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$system/bin/$applet"
  done
  ln -sf /bin/busybox "$system/usr/bin/env"
}

stage_system_files() {
  mkdir -p "$system/etc" "$system/root"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$system/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$system/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$system/etc/nsswitch.conf"
  # LANG=C.UTF-8 needs this locale (glibc does not build it in); without it the JVM falls back
  # to ASCII for file names and output.
  if [ -d /usr/lib/locale/C.utf8 ]; then
    mkdir -p "$system/usr/lib/locale"
    cp -a /usr/lib/locale/C.utf8 "$system/usr/lib/locale/"
  fi
}

stage_work_dirs() {
  mkdir -p "$system/tmp" "$system/run" "$system/var/edgetwin/djl"
  chmod 1777 "$system/tmp"
  chmod 0755 "$system/run" "$system/var/edgetwin" "$system/var/edgetwin/djl"
}

copy_tree() { # hard links where possible: nothing modifies the stage's copies in place
  cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -a "$1" "$2"; }
}

# Stripping ~450 MB of natives takes seconds, so the result is kept between builds in
# $natives_cache/<key> (only the newest key) and hard-linked into the stage.
stage_natives() {
  local key cached tmp f
  key=$({ echo "strip=$strip_natives"; dist_manifest | grep -E '^(pytorch/|lib/pytorch-jni-)'; } | sha256sum | cut -c1-16)
  cached=$natives_cache/$key
  if [ ! -d "$cached" ] || $force; then
    rm -rf "$natives_cache"
    mkdir -p "$natives_cache"
    tmp=$(mktemp -d "$natives_cache/natives.XXXXXX")
    chmod 0755 "$tmp"
    compgen -G "$dist/pytorch/*libdjl_torch.so" >/dev/null || extract_jni_library "$tmp"
    for f in "$dist"/pytorch/*; do
      if $strip_natives && [[ $f == *.so* ]]; then
        strip --strip-unneeded -o "$tmp/${f##*/}" "$f"  # a new file: the dist stays untouched
      else
        cp -a "$f" "$tmp/"
      fi
    done
    if $strip_natives && compgen -G "$tmp/*libdjl_torch.so" >/dev/null; then strip --strip-unneeded "$tmp"/*libdjl_torch.so; fi
    mv "$tmp" "$cached"
  fi
  mkdir -p "$natives/opt"
  copy_tree "$cached" "$natives/opt/pytorch"
  stage_aws_crt
  stage_onnxruntime
}

# ONNX Runtime's linux-x64 natives (libonnxruntime.so and its JNI library; ~21 MB), which its Java
# classes load from ONNXRUNTIME_NATIVE_PATH=/opt/onnxruntime (io.edgetwin.inference.model.EngineModels)
# instead of unpacking the 137 MB all-platform jar's copies: the dist's jar has none.
stage_onnxruntime() {
  compgen -G "$dist/onnxruntime/*.so" >/dev/null || return 0
  mkdir -p "$natives/opt/onnxruntime"
  local f
  for f in "$dist"/onnxruntime/*.so; do
    if $strip_natives; then strip --strip-unneeded -o "$natives/opt/onnxruntime/${f##*/}" "$f"; else cp "$f" "$natives/opt/onnxruntime/"; fi
  done
  # the JNI library names libonnxruntime.so.1, which the runtime's loader has already loaded by path
  ln -sf libonnxruntime.so "$natives/opt/onnxruntime/libonnxruntime.so.1"
}

# aws-crt (the Greengrass IPC client's transport) loads libaws-crt-jni.so with System.loadLibrary
# first: in /usr/lib, on every JVM's default java.library.path, components find it there and
# never unpack the jar's copy into /tmp.
stage_aws_crt() {
  compgen -G "$dist/aws-crt/libaws-crt-jni.so" >/dev/null || return 0
  mkdir -p "$natives/usr/lib"
  if $strip_natives; then
    strip --strip-unneeded -o "$natives/usr/lib/libaws-crt-jni.so" "$dist/aws-crt/libaws-crt-jni.so"
  else
    cp "$dist/aws-crt/libaws-crt-jni.so" "$natives/usr/lib/"
  fi
}

# DJL looks for its JNI library in PYTORCH_LIBRARY_PATH as <djl version>-libdjl_torch.so and,
# when it is not there, extracts it from the pytorch-jni jar into DJL_CACHE_DIR at every start
# (a write that fails on a read-only twin). A dist without it gets it from that jar here.
extract_jni_library() {
  local into=$1 jar version arch
  jar=$(compgen -G "$dist/lib/pytorch-jni-*.jar" | head -n 1 || true)
  if [ -z "$jar" ] || ! command -v unzip >/dev/null 2>&1; then
    say "no libdjl_torch.so in $dist/pytorch (and no pytorch-jni jar or unzip to take it from): DJL will extract it at twin start"
    return 0
  fi
  version=$(unzip -p "$jar" jnilib/pytorch.properties | sed -n 's/^jni_version=[^-]*-//p' | tr -d '\r')
  arch=linux-$(uname -m | sed 's/^arm64$/aarch64/')
  unzip -p "$jar" "jnilib/$arch/cpu/libdjl_torch.so" >"$into/$version-libdjl_torch.so" \
    || fail 1 "could not extract jnilib/$arch/cpu/libdjl_torch.so from $jar"
  chmod 0755 "$into/$version-libdjl_torch.so"
  say "took DJL's JNI library from ${jar##*/} (as $version-libdjl_torch.so)"
}

stage_app() {
  local dir
  mkdir -p "$app/opt/edgetwin"
  for dir in lib models recipes; do
    if [ -d "$dist/$dir" ]; then copy_tree "$dist/$dir" "$app/opt/edgetwin/$dir"; else mkdir -p "$app/opt/edgetwin/$dir"; fi
  done
  # The JVMs' argument files (java @FILE): empty here, naming the class-data archives in the
  # image's last layer once train_class_data made them.
  mkdir -p "$app/opt/edgetwin/cds"
  : >"$app/opt/edgetwin/cds/core.args"
  : >"$app/opt/edgetwin/cds/inference.args"
}

stage_rootfs() {
  local started
  started=$(date +%s%N)
  clean_stage
  mkdir -p "$system" "$natives" "$app"
  stage_app
  stage_natives
  stage_work_dirs
  if is_scratch; then
    stage_runtime
    stage_libraries
    stage_busybox
    stage_system_files
  fi
  say "staged $(du -sh "$stage" | cut -f1) root filesystem in $(seconds_since "$started") s"
}

# --- build and tidy --------------------------------------------------------------------------

build_image() {
  local tag=$1 hash=$2 started
  started=$(date +%s%N)
  say "docker build $tag (base $base) ..."
  local no_cache=()
  if $force; then no_cache=(--no-cache); fi
  if ! docker build "${no_cache[@]}" --force-rm -f "$dockerfile" --build-arg "BASE=$base" --build-arg "CONTENT_HASH=$hash" \
       -t "$tag" "$stage" >"$build_log" 2>&1; then
    tail -n 20 "$build_log" >&2
    if ! is_scratch && ! image_exists "$base"; then
      fail 1 "docker build failed: base image '$base' is not present locally and could not be pulled (no registry?); the default scratch base needs none"
    fi
    fail 1 "docker build failed; full log: $build_log"
  fi
  say "built $tag in $(seconds_since "$started") s ($(docker image inspect --format '{{.Size}}' "$tag" | awk '{printf "%d MB", $1/1000000}'))"
}

# Class-data archives (AppCDS): one start of the image's core with the inference component,
# beside a Mosquitto of its own, records the classes each JVM loads (-XX:ArchiveClassesAtExit),
# and a last layer adds the two archives and names them in the JVMs' argument files. A twin's core
# then starts on ~35 % less CPU (docs/performance.md), which is what a fleet of cores starting at
# once on a few cores waits for. Returns non-zero (and the image stays untrained) when no
# mosquitto is installed or the training start fails; twins then start without the archives.
train_class_data() {
  local untrained=$1 tag=$2 hash=$3 out=$stage/cds port broker_pid name entrypoint started code=0
  command -v mosquitto >/dev/null 2>&1 || { say "no mosquitto: the image gets no class-data archives"; return 1; }
  started=$(date +%s%N)
  mkdir -p "$out/opt/edgetwin/cds"
  chmod 0777 "$out/opt/edgetwin/cds"
  port=$(( 20000 + RANDOM % 20000 ))
  printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" >"$out/mosquitto.conf"
  mosquitto -c "$out/mosquitto.conf" >"$out/mosquitto.log" 2>&1 &
  broker_pid=$!
  printf '{"deploymentId": "class-data", "components": {"com.edgetwin.Inference": {"version": "1.0.0"}}}\n' \
    >"$out/opt/edgetwin/cds/deployment.json"
  name=edgetwin-cds-$$
  # the image's own entrypoint with the dump flag after "java", so the archive sees its flags
  entrypoint=$(docker image inspect --format '{{range $i, $a := .Config.Entrypoint}}{{if $i}}{{println $a}}{{end}}{{end}}' "$untrained")
  mapfile -t entrypoint <<<"$entrypoint"
  docker run -d --name "$name" --label edgetwin.managed=true --label "edgetwin.owner-pid=$$" --network host --init \
    --cap-add SYS_ADMIN --security-opt apparmor=unconfined \
    -e EDGETWIN_THING_NAME=class-data -e "EDGETWIN_BROKER=tcp://127.0.0.1:$port" \
    -e EDGETWIN_DEPLOYMENT=/cds/deployment.json -e JDK_JAVA_OPTIONS=-XX:ArchiveClassesAtExit=/cds/inference.jsa \
    -v "$out/opt/edgetwin/cds:/cds" --entrypoint java "$untrained" \
    -XX:ArchiveClassesAtExit=/cds/core.jsa "${entrypoint[@]}" >/dev/null || code=$?
  if [ "$code" = 0 ]; then
    local waited=0
    until docker logs "$name" 2>&1 | grep -q 'component-ready component=com.edgetwin.Inference'; do
      if [ "$waited" -ge 1200 ] || [ "$(docker inspect --format '{{.State.Running}}' "$name")" != true ]; then code=1; break; fi
      sleep 0.1; waited=$((waited + 1))
    done
    docker stop -t 60 "$name" >/dev/null || code=1
  fi
  [ "$code" = 0 ] || docker logs "$name" 2>&1 | tail -n 20 >&2 || true
  docker rm -f "$name" >/dev/null 2>&1 || true
  kill "$broker_pid" 2>/dev/null || true
  wait "$broker_pid" 2>/dev/null || true
  rm -f "$out/opt/edgetwin/cds/deployment.json"
  if [ "$code" != 0 ] || [ ! -s "$out/opt/edgetwin/cds/core.jsa" ] || [ ! -s "$out/opt/edgetwin/cds/inference.jsa" ]; then
    say "class-data training failed: the image gets no class-data archives"
    return 1
  fi
  echo "-XX:SharedArchiveFile=/opt/edgetwin/cds/core.jsa" >"$out/opt/edgetwin/cds/core.args"
  echo "-XX:SharedArchiveFile=/opt/edgetwin/cds/inference.jsa" >"$out/opt/edgetwin/cds/inference.args"
  chmod 0755 "$out/opt/edgetwin/cds"
  chmod 0644 "$out/opt/edgetwin/cds"/*
  if ! docker build --force-rm -f "$script_dir/twin-cds.Dockerfile" --build-arg "IMAGE=$untrained" \
       --build-arg "CONTENT_HASH=$hash" -t "$tag" "$out" >>"$build_log" 2>&1; then
    tail -n 20 "$build_log" >&2
    return 1
  fi
  say "class-data archives: core $(du -k "$out/opt/edgetwin/cds/core.jsa" | cut -f1) KB, inference $(du -k "$out/opt/edgetwin/cds/inference.jsa" | cut -f1) KB ($(seconds_since "$started") s)"
}

# Older twin images go unless a container (running or stopped) uses them (`docker rmi` without
# -f refuses those) or they were built within the grace period. Layers shared with the new
# image stay either way.
remove_old_images() {
  local current=$1 ref created cutoff
  cutoff=$(( $(date +%s) - grace_minutes * 60 ))
  while read -r ref created; do
    if [[ $ref != "$repository":* ]] || [ "$ref" = "$current" ]; then continue; fi
    [ "$(date -d "$created" +%s 2>/dev/null || echo 0)" -lt "$cutoff" ] || continue
    if docker rmi "$ref" >/dev/null 2>&1; then say "removed old image $ref"; fi
  done < <(docker images --filter label=edgetwin.managed=true \
             --format '{{.Repository}}:{{.Tag}} {{.CreatedAt}}' | sed 's/ [A-Z]*$//')
  docker image prune -f --filter label=edgetwin.managed=true >/dev/null 2>&1 || true
}

main() {
  parse_args "$@"
  check_dist
  check_engine
  if is_scratch; then find_jdk; find_busybox; fi
  local hash tag
  hash=$(content_hash)
  tag=$repository:$hash
  if image_exists "$tag" && ! $force; then
    say "twin image is up to date"
    echo "$tag"
    return 0
  fi

  mkdir -p "$work_dir"
  exec 9>"$work_dir/.build.lock"
  flock 9  # concurrent callers: one builds, the others then find the image
  if image_exists "$tag" && ! $force; then
    echo "$tag"
    return 0
  fi
  trap on_exit EXIT
  local started
  started=$(date +%s%N)
  say "building twin image $tag from $dist ..."
  stage_rootfs
  build_image "$tag-untrained" "$hash"
  if ! train_class_data "$tag-untrained" "$tag" "$hash"; then
    docker tag "$tag-untrained" "$tag"
  fi
  docker rmi "$tag-untrained" >/dev/null
  clean_stage
  remove_old_images "$tag"
  say "twin image ready in $(seconds_since "$started") s"
  echo "$tag"
}

main "$@"
