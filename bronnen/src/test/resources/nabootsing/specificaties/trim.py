#!/usr/bin/env python3
"""Trims the published OpenAPI specifications to what the stand-in serves.

Keeps the listed (path, method) operations and every component schema they reference, directly or through
other schemas; everything else (other paths, tags, unreferenced schemas) is dropped so the copies stay small
while what is kept is byte-for-byte the published content. Redo with:

    python3 trim.py /work/specs

(the directory holding the untrimmed files listed in README.md).
"""
import re
import sys
from pathlib import Path

import yaml

KEEP = {
    "zaken": ("open-zaak-zaken-openapi.yaml", {
        "/zaken": ["get"], "/zaken/{uuid}": ["get"],
        "/statussen": ["get"], "/statussen/{uuid}": ["get"],
        "/rollen": ["get"], "/rollen/{uuid}": ["get"],
        "/resultaten": ["get"], "/resultaten/{uuid}": ["get"],
        "/zaken/{zaak_uuid}/audittrail": ["get"],
    }),
    "catalogi": ("open-zaak-catalogi-openapi.yaml", {
        "/zaaktypen/{uuid}": ["get"], "/statustypen/{uuid}": ["get"], "/resultaattypen/{uuid}": ["get"],
    }),
    "klantinteracties": ("open-klant-klantinteracties-openapi.yaml", {
        "/klantcontacten": ["get"], "/klantcontacten/{uuid}": ["get"],
        "/betrokkenen/{uuid}": ["get"], "/partijen/{uuid}": ["get"],
        "/partij-identificatoren/{uuid}": ["get"], "/onderwerpobjecten/{uuid}": ["get"],
        "/actoren/{uuid}": ["get"],
    }),
    "notificaties": ("open-notificaties-src-openapi.yaml", {
        "/abonnement": ["get", "post"], "/kanaal": ["get"],
        # The notification itself (request body of POST /notificaties) is what a callback receives.
        "/notificaties": ["post"],
    }),
}

REF = re.compile(r"^#/components/schemas/(.+)$")


class Keeper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Keeper.add_representer(str, _str)


def refs(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                m = REF.match(v)
                if m:
                    found.add(m.group(1))
            else:
                refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def trim(source, keep):
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    paths = {}
    for path, methods in keep.items():
        item = spec["paths"][path]
        paths[path] = {k: v for k, v in item.items() if k in methods or k == "parameters"}
    schemas = spec["components"]["schemas"]
    needed, todo = set(), set()
    refs(paths, todo)
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        refs(schemas[name], todo)
    out = {k: v for k, v in spec.items() if k not in ("paths", "components", "tags")}
    out["paths"] = paths
    out["components"] = {k: v for k, v in spec["components"].items() if k != "schemas"}
    out["components"]["schemas"] = {k: schemas[k] for k in schemas if k in needed}
    return out


def main():
    bron = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/specs")
    hier = Path(__file__).resolve().parent
    for naam, (bestand, keep) in KEEP.items():
        out = trim(bron / bestand, keep)
        doel = hier / f"{naam}.yaml"
        doel.write_text(yaml.dump(out, Dumper=Keeper, sort_keys=False, allow_unicode=True, width=120),
                        encoding="utf-8")
        print(doel.name, len(out["paths"]), "paths,", len(out["components"]["schemas"]), "schemas")


if __name__ == "__main__":
    main()
