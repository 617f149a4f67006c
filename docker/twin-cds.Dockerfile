# The twin image's last layer: the class-data archives (AppCDS) of the core's and the inference
# component's JVMs, recorded by docker/build-twin-image.sh from one start of the image below, and
# the argument files that name them (cds/core.args, cds/inference.args; empty in the image below).
ARG IMAGE
FROM ${IMAGE}
ARG CONTENT_HASH=unknown
COPY opt/ /opt/
LABEL edgetwin.content-hash=${CONTENT_HASH}
