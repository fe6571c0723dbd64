# Shared by the bench scripts (sourced from the project root): the JDK, the built jar, free ports,
# the started server's pid with its clean-up, small HTTP and JSON helpers.
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

wait_http() { # url seconds
  for _ in $(seq 1 "$2"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "no answer from $1" >&2; return 1
}

# The built jar in $jar (built when missing).
jar=$(ls target/firebreak*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$jar" ]; then
  JAVA_HOME=$JAVA_HOME ./mvnw -o -B -q package -DskipTests
  jar=$(ls target/firebreak*.jar | grep -v plain | head -n 1)
fi

# The server a script started last; stopped on exit and by cleanup.
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap cleanup EXIT
