# Sourced by the service benchmarks: the API key their requests send as `Authorization: Bearer` (docs/security.md).
# DESCENT_KEY: a key of the service under test; default the admin key of ./descent-data (descent-data/admin.key), else
# a fresh random one. It is exported as DESCENT_ADMIN_KEY too, so that a service a benchmark starts itself registers
# it as its admin key. CURL_AUTH: the curl arguments that send it.
if [ -z "${DESCENT_KEY:-}" ] && [ -r descent-data/admin.key ]; then
  DESCENT_KEY=$(tr -d '[:space:]' < descent-data/admin.key)
fi
if [ -z "${DESCENT_KEY:-}" ]; then
  DESCENT_KEY="dsk_benchkey_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
fi
export DESCENT_KEY
export DESCENT_ADMIN_KEY="$DESCENT_KEY"
CURL_AUTH=(-H "Authorization: Bearer $DESCENT_KEY")
