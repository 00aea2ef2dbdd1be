#!/usr/bin/env bash
# A real S3-compatible server for the evidence tests: a single-node Ceph (mon + RAM-backed osd +
# radosgw) on 127.0.0.1 with cephx. Sourced by test.sh; adapted from shared/recipes/s3-radosgw.sh.
# Installs radosgw, ceph-mon and ceph-osd with apt-get when missing. Data lives in RAM and is gone when
# stopped; ports are free ones, so several checkouts can run their tests at once.
#   s3_start DIR   exports S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY (~12 s, ~210 MB)
#   s3_stop        kills what s3_start started and removes DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

s3_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

s3_install() {
  command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null && command -v uuidgen >/dev/null && return 0
  echo "Ceph radosgw not found; installing it (apt-get install radosgw ceph-mon ceph-osd uuid-runtime)..." >&2
  apt_install --no-install-recommends radosgw ceph-mon ceph-osd uuid-runtime >&2
}

s3_start() {
  S3_DIR=${1:?usage: s3_start DIR}
  s3_install
  local c=$S3_DIR seed mon_port rgw_port fsid osd_uuid osd_id
  seed=$(( 30000 + $$ % 10000 ))
  mon_port=$(s3_free_port "$seed")
  rgw_port=$(s3_free_port $((mon_port + 1)))
  rm -rf "$c"; mkdir -p "$c"/{mon,osd0,rgw,run,log}
  fsid=$(uuidgen)
  cat > "$c/ceph.conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
keyring = $c/\$name.keyring
ms bind ipv6 = false
public network = 127.0.0.0/8
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
mon data avail warn = 1
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 1073741824
run dir = $c/run
log file = $c/log/\$name.log
admin socket = $c/run/\$name.asok
pid file = $c/run/\$name.pid
[mon.a]
mon data = $c/mon
keyring = $c/mon/keyring
[osd.0]
osd data = $c/osd0
keyring = $c/osd0/keyring
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
rgw data = $c/rgw
# SSE-KMS with the built-in "testing" key backend, over plain http (loopback only), so that the
# server-side-encryption setting of the evidence store is exercised for real.
rgw crypt require ssl = false
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = evidence-test-key=$(head -c 32 /dev/urandom | base64)
CONF
  export CEPH_CONF=$c/ceph.conf
  ceph-authtool --create-keyring "$c/mon..keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool --create-keyring "$c/client.admin.keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$c/mon..keyring" --import-keyring "$c/client.admin.keyring" >/dev/null
  monmaptool --create --addv a "[v2:127.0.0.1:$mon_port]" --fsid "$fsid" "$c/monmap" >/dev/null
  ceph-mon --mkfs -i a --monmap "$c/monmap" --keyring "$c/mon..keyring"
  ceph-mon -i a
  osd_uuid=$(uuidgen)
  osd_id=$(ceph osd new "$osd_uuid")
  ceph-osd -i "$osd_id" --mkfs --mkkey --osd-uuid "$osd_uuid" --no-mon-config >/dev/null 2>&1
  ceph auth add "osd.$osd_id" osd 'allow *' mon 'allow profile osd' mgr 'allow profile osd' -i "$c/osd0/keyring" >/dev/null 2>&1
  ceph-osd -i "$osd_id" >/dev/null 2>&1
  ceph auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' mgr 'allow rw' -o "$c/client.rgw.a.keyring" >/dev/null 2>&1
  radosgw -n client.rgw.a
  local i
  for i in $(seq 1 90); do curl -s -o /dev/null "http://127.0.0.1:$rgw_port/" && break; sleep 1; done
  S3_ACCESS_KEY=TESTACCESSKEY
  S3_SECRET_KEY=TESTSECRETKEY123
  radosgw-admin user create --uid=test --display-name=test --access-key=$S3_ACCESS_KEY --secret-key=$S3_SECRET_KEY >/dev/null
  S3_ENDPOINT=http://127.0.0.1:$rgw_port
  export S3_DIR S3_ENDPOINT S3_ACCESS_KEY S3_SECRET_KEY
}

s3_stop() {
  [ -n "${S3_DIR:-}" ] || return 0
  local f
  for f in "$S3_DIR"/run/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  sleep 1
  for f in "$S3_DIR"/run/*.pid; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null || true; done
  sleep 0.2
  rm -rf "$S3_DIR" 2>/dev/null || true
}
