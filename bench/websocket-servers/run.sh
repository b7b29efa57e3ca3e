#!/usr/bin/env bash
# Measures four WebSocket server libraries for the local runtime (docs/architecture.md, "The local
# WebSocket API"): startup to the first echo and resident memory of a minimal echo server, and the
# size of the jars it needs. Usage: bench/websocket-servers/run.sh [RUNS]   (needs network for the jars once)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-9}
out=$(mktemp -d)
for lib in jetty javawebsocket netty undertow; do
  ./dev mvn -q -f bench/websocket-servers/pom-$lib.xml dependency:build-classpath \
    -Dmdep.outputFile="$out/cp-$lib.txt" -Dmdep.includeScope=runtime >/dev/null
done
JAVA="$(./dev java-home)/bin"
"$JAVA/javac" -d "$out/probe" bench/websocket-servers/src/Probe.java
for pair in jetty:JettyEcho javawebsocket:JavaWebSocketEcho netty:NettyEcho undertow:UndertowEcho; do
  lib=${pair%%:*}; main=${pair##*:}
  cp=$(cat "$out/cp-$lib.txt")
  "$JAVA/javac" -cp "$cp" -d "$out/$lib" "bench/websocket-servers/src/$main.java"
  "$JAVA/java" -cp "$out/probe" Probe "$runs" 38123 "$out/$lib:$cp" "$main"
done
