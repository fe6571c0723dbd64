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

# JDBC URL of a fresh PostgreSQL database NAME on 127.0.0.1:5432 (dropped first if it exists).
fresh_postgres() { # name
  dropdb -h 127.0.0.1 -U postgres --if-exists "$1"
  createdb -h 127.0.0.1 -U postgres "$1"
  echo "jdbc:postgresql://127.0.0.1:5432/$1"
}

# JDBC URL of an H2 file database in directory DIR (AUTO_SERVER=TRUE lets a second process open it).
h2_url() { # dir [auto_server]
  echo "jdbc:h2:file:$1/firebreak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=${2:-FALSE}"
}

# Starts the jar on database URL and PORT with admin password $PASSWORD (JVM options from
# $FB_JAVA_OPTS, extra application arguments after LOG), logs to LOG, sets $pid, waits until healthy.
start_firebreak() { # url port log [args...]
  local url=$1 port=$2 log=$3; shift 3
  local db=(--spring.datasource.url="$url")
  [[ $url == jdbc:postgresql* ]] && db+=(--spring.datasource.username=postgres --spring.datasource.password=)
  # shellcheck disable=SC2086
  FIREBREAK_ADMIN_PASSWORD=$PASSWORD "$JAVA" ${FB_JAVA_OPTS:-} -jar "$jar" --server.port="$port" "${db[@]}" \
    --logging.level.root=WARN "$@" > "$log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$port/actuator/health" 120
}

# An API token of the admin user of the server at BASE.
admin_token() { # base
  curl -fs -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$1/api/v1/tokens" \
    | json 'd["token"]'
}
