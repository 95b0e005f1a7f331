#!/usr/bin/env python3
"""Starts SeaweedFS (`weed mini`) on free loopback ports with SigV4 credentials and a bucket.

Prints shell `export` lines for the archive tests (BEACON_TEST_S3_ENDPOINT, _BUCKET,
_ACCESS_KEY, _SECRET_KEY, _PID) once the S3 API answers; exits non-zero if it never does.
The server keeps running after this script exits; kill $BEACON_TEST_S3_PID to stop it.
"""
import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import urllib.error


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--weed", required=True, help="path of the weed binary")
    p.add_argument("--dir", required=True, help="data directory (created)")
    p.add_argument("--bucket", default="beacon-archive-test")
    p.add_argument("--timeout", type=float, default=90)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    access, secret = "beacon" + secrets.token_hex(6), secrets.token_hex(20)
    config = os.path.join(a.dir, "s3.json")
    with open(config, "w") as f:
        json.dump({"identities": [{"name": "beacon", "credentials": [{"accessKey": access, "secretKey": secret}],
                                   "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}, f)
    ports = {name: free_port() for name in [
        "master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port", "filer.port.grpc",
        "s3.port", "s3.port.grpc", "admin.port", "admin.port.grpc"]}
    args = [a.weed, "mini", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", f"-dir={a.dir}", f"-s3.config={config}",
            f"-bucket={a.bucket}", "-webdav=false", "-s3.port.iceberg=0", "-s3.port.lance=0",
            "-master.telemetry=false", "-admin.ui=false"]
    args += [f"-{k}={v}" for k, v in ports.items()]
    log = open(os.path.join(a.dir, "weed.log"), "wb")
    proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    endpoint = f"http://127.0.0.1:{ports['s3.port']}"
    deadline = time.time() + a.timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"weed exited with {proc.returncode}; see {a.dir}/weed.log")
        try:
            urllib.request.urlopen(f"{endpoint}/{a.bucket}/", timeout=2)
        except urllib.error.HTTPError as e:
            if e.code == 403:  # answering, and refusing the unsigned request: SigV4 is enforced
                break
        except OSError:
            pass
        time.sleep(0.5)
    else:
        proc.kill()
        sys.exit(f"SeaweedFS S3 did not answer on {endpoint} within {a.timeout} s; see {a.dir}/weed.log")
    for k, v in [("ENDPOINT", endpoint), ("BUCKET", a.bucket), ("ACCESS_KEY", access), ("SECRET_KEY", secret),
                 ("PID", proc.pid)]:
        print(f"export BEACON_TEST_S3_{k}={v}")


if __name__ == "__main__":
    main()
