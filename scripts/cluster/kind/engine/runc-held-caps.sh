#!/bin/bash
# The Docker engine's OCI runtime: runc, after removing from the container's capability sets every capability
# this host's root does not hold itself. Docker 20.10 grants a --privileged container (every kind node, and
# `docker exec --privileged`) all capabilities the kernel knows; on a host whose bounding set lacks one
# (this VM's root has no CAP_SYS_RESOURCE) runc then fails with "unable to apply caps: operation not permitted".
set -euo pipefail
runc=${PROVEN_RUNC:?PROVEN_RUNC names the real runc}

# Capability numbers, from linux/capability.h.
names=(CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER CAP_FSETID CAP_KILL CAP_SETGID CAP_SETUID
  CAP_SETPCAP CAP_LINUX_IMMUTABLE CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_ADMIN CAP_NET_RAW CAP_IPC_LOCK
  CAP_IPC_OWNER CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_CHROOT CAP_SYS_PTRACE CAP_SYS_PACCT CAP_SYS_ADMIN CAP_SYS_BOOT
  CAP_SYS_NICE CAP_SYS_RESOURCE CAP_SYS_TIME CAP_SYS_TTY_CONFIG CAP_MKNOD CAP_LEASE CAP_AUDIT_WRITE
  CAP_AUDIT_CONTROL CAP_SETFCAP CAP_MAC_OVERRIDE CAP_MAC_ADMIN CAP_SYSLOG CAP_WAKE_ALARM CAP_BLOCK_SUSPEND
  CAP_AUDIT_READ CAP_PERFMON CAP_BPF CAP_CHECKPOINT_RESTORE)
bounding=$((16#$(awk '/^CapBnd:/ {print $2}' /proc/self/status)))
unheld=()
for i in "${!names[@]}"; do
  if (( (bounding >> i & 1) == 0 )); then unheld+=("${names[$i]}"); fi
done

strip() { # $1: a JSON file holding capabilities at the path $2
  local tmp
  tmp=$(mktemp "$1.XXXXXX")
  jq --argjson unheld "$(printf '%s\n' "${unheld[@]}" | jq -R . | jq -s .)" \
    "if $2 then $2 |= with_entries(.value |= ((. // []) - \$unheld)) else . end" "$1" >"$tmp"
  mv "$tmp" "$1"
}

if (( ${#unheld[@]} > 0 )); then
  args=("$@")
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[$i]}" in
      --bundle | -b) strip "${args[$((i + 1))]}/config.json" '.process.capabilities' ;;
      --bundle=*) strip "${args[$i]#--bundle=}/config.json" '.process.capabilities' ;;
      --process | -p) strip "${args[$((i + 1))]}" '.capabilities' ;;
      --process=*) strip "${args[$i]#--process=}" '.capabilities' ;;
    esac
  done
fi
exec "$runc" "$@"
