#!/usr/bin/env python3
"""Fails when an import line in Sources/ points the wrong way between Beacon's targets.

The arrows (../DESIGN.md, "Modules"): Core <- Analytics <- Engine <- Server <- beacon, with Store
beside Engine. Each target may import only the Beacon modules listed for it below; BeaconCore
imports nothing but Foundation. `@_exported import` is refused everywhere: it would let a module
reach past the arrows through another. Prints every offending file and line; exits 1 if any.
"""
import pathlib
import re
import sys

BEACON = {"BeaconCore", "BeaconAnalytics", "BeaconStore", "BeaconEngine", "BeaconServer"}
ALLOWED = {
    "BeaconCore": set(),
    "BeaconAnalytics": {"BeaconCore"},
    "BeaconStore": {"BeaconCore"},
    "BeaconEngine": {"BeaconCore", "BeaconAnalytics", "BeaconStore"},
    "BeaconServer": {"BeaconCore", "BeaconEngine"},
    "beacon": BEACON,
}
# Core is the domain: Foundation only, so every other target (and a future one) can hold it.
CORE_EXTERNAL = {"Foundation"}
IMPORT = re.compile(r"^\s*(@[A-Za-z_]+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")

root = pathlib.Path(__file__).resolve().parent.parent / "Sources"
problems = []
for target, allowed in ALLOWED.items():
    for path in sorted((root / target).rglob("*.swift")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = IMPORT.match(line)
            if not match:
                continue
            module = match.group(2)
            where = f"{path.relative_to(root.parent)}:{number}"
            if "@_exported" in line:
                problems.append(f"{where}: '@_exported import {module}' re-exports a module past the layering")
            if module in BEACON and module != target and module not in allowed:
                problems.append(f"{where}: {target} may not import {module} (allowed: {', '.join(sorted(allowed)) or 'none'})")
            if target == "BeaconCore" and module not in CORE_EXTERNAL:
                problems.append(f"{where}: BeaconCore imports Foundation only, not {module}")

if problems:
    print("layering: imports that point the wrong way", file=sys.stderr)
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"layering: every import in {', '.join(ALLOWED)} points the right way")
