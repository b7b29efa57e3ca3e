#!/usr/bin/env bash
# Reading Lambda events two ways, each in fresh JVMs with the functions' JVM flags (template.yaml's
# JAVA_TOOL_OPTIONS): the project's records with its Jackson mapper, or aws-lambda-java-events types
# through the runtime's own serializer (docs/architecture.md, "Events: the project's records").
# Prints, per way and event, the medians of the first parse (cold), a warm parse, and classes loaded.
# Usage: bench/lambda-events/run.sh [RUNS]   (after ./dev build or a compile of shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
out=$(mktemp -d)
./dev mvn -o -q -pl shared dependency:build-classpath -Dmdep.outputFile="$out/shared-cp.txt" -Dmdep.includeScope=runtime >/dev/null
m2=$(./dev mvn -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")
events_jar="$m2/com/amazonaws/aws-lambda-java-events/3.16.1/aws-lambda-java-events-3.16.1.jar"
serialization_jar="$m2/com/amazonaws/aws-lambda-java-serialization/1.2.0/aws-lambda-java-serialization-1.2.0.jar"
[ -f "$events_jar" ] || ./dev mvn -q dependency:get -Dartifact=com.amazonaws:aws-lambda-java-events:3.16.1 >/dev/null
cp="shared/target/classes:$(cat "$out/shared-cp.txt"):$events_jar:$serialization_jar"
JAVA="$(./dev java-home)/bin"
"$JAVA/javac" -cp "$cp" -d "$out/classes" bench/lambda-events/src/EventParse.java
flags=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' template.yaml | head -n1 | tr -d '"')
for kind in http:events/tasks-create.json sqs:events/chat-worker-batch.json; do
  for mode in records events; do
    : > "$out/$mode-${kind%%:*}.txt"
  done
  for ((i = 0; i < runs; i++)); do
    for mode in records events; do   # alternating, so a noisy moment costs both alike
      # shellcheck disable=SC2086
      "$JAVA/java" $flags -cp "$out/classes:$cp" EventParse "$mode" "${kind%%:*}" "${kind#*:}" >> "$out/$mode-${kind%%:*}.txt"
    done
  done
  for mode in records events; do
    f="$out/$mode-${kind%%:*}.txt"
    median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
    printf "%-8s %-5s first parse median %6.1f ms   warm %5.1f us   classes loaded %d\n" "$mode" "${kind%%:*}" \
      "$(cut -d' ' -f1 "$f" | median | awk '{print $1/1000}')" "$(cut -d' ' -f2 "$f" | median | awk '{print $1/1000}')" "$(cut -d' ' -f3 "$f" | median)"
  done
done
echo "aws-lambda-java-events 3.16.1 jar: $(( $(stat -c %s "$events_jar") / 1024 )) KB (the serializer, $(( $(stat -c %s "$serialization_jar") / 1024 )) KB, ships in the runtime)"
