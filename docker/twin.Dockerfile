# The twin image: the edge core, its jars, models, recipes and the PyTorch CPU and ONNX Runtime natives.
# Built by docker/build-twin-image.sh. Its build context (docker/target/twin-rootfs) holds three
# partial root filesystems, copied as three layers from the least to the most often changed, so
# a code change rebuilds only the last one. Nothing is fetched at build or run time.
#
# BASE=scratch (default): system/ carries a jlink Java 17 runtime at /opt/java, the shared
#   libraries it and the natives link against, a static busybox at /bin, and the work dirs.
# BASE=<an image with Java 17 on PATH, e.g. eclipse-temurin:17-jre> (machines with a registry):
#   system/ carries only the work dirs, and the base image's JAVA_HOME and PATH are kept.
ARG BASE=scratch
FROM ${BASE}

ARG CONTENT_HASH=unknown

COPY system/ /
COPY natives/ /
COPY app/ /

# ${VAR:-default} keeps a base image's own JAVA_HOME/PATH; with scratch neither is set.
ENV JAVA_HOME=${JAVA_HOME:-/opt/java} \
    PATH=/opt/java/bin:${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin} \
    LANG=C.UTF-8 \
    EDGETWIN_HOME=/opt/edgetwin \
    PYTORCH_LIBRARY_PATH=/opt/pytorch \
    PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cpu \
    ONNXRUNTIME_NATIVE_PATH=/opt/onnxruntime \
    DJL_CACHE_DIR=/var/edgetwin/djl \
    DJL_OFFLINE=true

LABEL edgetwin.managed=true \
      edgetwin.content-hash=${CONTENT_HASH}

WORKDIR /var/edgetwin

# cds/core.args names the core's class-data archive (the image's last layer, twin-cds.Dockerfile).
ENTRYPOINT ["java", "@/opt/edgetwin/cds/core.args", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-Xmx48m", \
            "-cp", "/opt/edgetwin/lib/*", "io.edgetwin.core.EdgeCore"]
