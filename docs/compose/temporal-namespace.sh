#!/bin/sh
# temporal-namespace job (temporalio/admin-tools image): creates the Carepath namespace and
# registers the custom search attributes the workflows write. Idempotent: each step checks first,
# so re-running it (every `docker compose up`) changes nothing that already exists, and a real
# failure still fails the job instead of being swallowed.
#
# Environment (set in docker-compose.yml):
#   TEMPORAL_ADDRESS              host:port of the Temporal frontend
#   TEMPORAL_NAMESPACE            namespace the API and worker use
#   CAREPATH_NAMESPACE_RETENTION  how long closed journeys stay queryable (Go duration, e.g. 720h)
#   CAREPATH_SEARCH_ATTRIBUTES    space-separated Name=Type pairs (Type as the CLI spells it: Keyword, Datetime)
set -eu

: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${CAREPATH_NAMESPACE_RETENTION:?}" "${CAREPATH_SEARCH_ATTRIBUTES:?}"

# Retries a command until it succeeds: the server answers before its services and the namespace
# cache are ready.
retry() {
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge 60 ]; then
      echo "temporal-namespace: giving up after $attempt attempts: $*" >&2
      return 1
    fi
    attempt=$((attempt + 1))
    sleep 2
  done
}

cluster_serving() {
  temporal operator cluster health --address "$TEMPORAL_ADDRESS" 2>/dev/null | grep -q SERVING
}

echo "temporal-namespace: waiting for Temporal at $TEMPORAL_ADDRESS"
retry cluster_serving

if temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "temporal-namespace: namespace $TEMPORAL_NAMESPACE exists"
else
  echo "temporal-namespace: creating namespace $TEMPORAL_NAMESPACE (retention $CAREPATH_NAMESPACE_RETENTION)"
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" \
    --retention "$CAREPATH_NAMESPACE_RETENTION" --address "$TEMPORAL_ADDRESS"
fi

list_search_attributes() {
  registered=$(temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS")
}

# A new namespace becomes visible to the search-attribute API once the namespace cache refreshes.
retry list_search_attributes
for entry in $CAREPATH_SEARCH_ATTRIBUTES; do
  name=${entry%%=*}
  type=${entry#*=}
  if printf '%s\n' "$registered" | grep -qw -- "$name"; then
    echo "temporal-namespace: search attribute $name exists"
  else
    echo "temporal-namespace: registering search attribute $name ($type)"
    temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" \
      --name "$name" --type "$type" --address "$TEMPORAL_ADDRESS"
  fi
done

# Finish only once every attribute is listed, so the worker and API never start before Temporal
# accepts them on workflow starts.
all_listed() {
  list_search_attributes || return 1
  for entry in $CAREPATH_SEARCH_ATTRIBUTES; do
    printf '%s\n' "$registered" | grep -qw -- "${entry%%=*}" || return 1
  done
}
retry all_listed
echo "temporal-namespace: namespace $TEMPORAL_NAMESPACE ready"
