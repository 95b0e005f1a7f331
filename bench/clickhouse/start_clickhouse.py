#!/usr/bin/env python3
"""Starts a ClickHouse server (Debian's clickhouse-server, 18.16 here) on free loopback ports.

Writes a minimal config (HTTP and native ports on 127.0.0.1 only, data under --dir, the
`default` user without a password, reachable from loopback only) and prints shell `export`
lines (BEACON_TEST_CLICKHOUSE_URL, _PID) once `SELECT 1` answers over HTTP.
The server keeps running after this script exits; kill $BEACON_TEST_CLICKHOUSE_PID to stop it.
"""
import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CONFIG = """<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>{dir}/server.log</log><errorlog>{dir}/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>{http}</http_port>
  <tcp_port>{tcp}</tcp_port>
  <interserver_http_port>{inter}</interserver_http_port>
  <path>{dir}/data/</path>
  <tmp_path>{dir}/tmp/</tmp_path>
  <user_files_path>{dir}/user_files/</user_files_path>
  <format_schema_path>{dir}/format_schemas/</format_schema_path>
  <users_config>{dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>536870912</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
</yandex>
"""

USERS = """<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--server", default="clickhouse-server")
    p.add_argument("--dir", required=True)
    p.add_argument("--timeout", type=float, default=60)
    a = p.parse_args()
    d = os.path.abspath(a.dir)
    for sub in ["data", "tmp", "user_files", "format_schemas"]:
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    http, tcp, inter = free_port(), free_port(), free_port()
    with open(os.path.join(d, "config.xml"), "w") as f:
        f.write(CONFIG.format(dir=d, http=http, tcp=tcp, inter=inter))
    with open(os.path.join(d, "users.xml"), "w") as f:
        f.write(USERS)
    log = open(os.path.join(d, "stdout.log"), "wb")
    proc = subprocess.Popen([a.server, f"--config-file={d}/config.xml"], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, cwd=d, start_new_session=True)
    url = f"http://127.0.0.1:{http}"
    deadline = time.time() + a.timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"clickhouse-server exited with {proc.returncode}; see {d}/error.log")
        try:
            if urllib.request.urlopen(f"{url}/?query=SELECT%201", timeout=2).read().strip() == b"1":
                break
        except OSError:
            pass
        time.sleep(0.5)
    else:
        proc.kill()
        sys.exit(f"ClickHouse did not answer on {url} within {a.timeout} s; see {d}/error.log")
    print(f"export BEACON_TEST_CLICKHOUSE_URL={url}")
    print(f"export BEACON_TEST_CLICKHOUSE_PID={proc.pid}")


if __name__ == "__main__":
    main()
