#!/usr/bin/env python3
"""Creates, idempotently, the demo tenants and API keys of the local run.

A demo operator and one ENTERPRISE key per seeded enterprise (demo/enterprises.json) are issued
through the gateway's admin API and written to .run/demo-keys.json (git-ignored) for scripts.
On a later start the file is reused when every key in it is still active; otherwise the missing
keys are issued again. The gateway keys only enterprises the catalog has registered (422 otherwise):
on the very first start load-demo.py registers them and issues their keys into the same file.
Usage: demo/bootstrap-keys.py <gateway-url> <admin-key> <output-file>
"""
import json
import os
import sys
import urllib.error
import urllib.request

DEMO_OPERATOR = {"name": "Калужский край — туроператор (демо)", "email": "demo-operator@promtour.local",
                 "phone": "+79001234567"}


def call(gateway, admin_key, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(gateway + path, data=data, method=method, headers={
        "Authorization": "Bearer " + admin_key, "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def main(gateway, admin_key, output):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "enterprises.json"), encoding="utf-8") as f:
        enterprises = json.load(f)
    previous = {}
    if os.path.exists(output):
        with open(output, encoding="utf-8") as f:
            previous = json.load(f)
    active = {key["id"] for key in call(gateway, admin_key, "GET", "/admin/api-keys") if key["active"]}

    def still_valid(entry):
        return entry is not None and entry.get("keyId") in active

    operator = previous.get("operator")
    if not still_valid(operator):
        existing = [o for o in call(gateway, admin_key, "GET", "/admin/operators") if o["email"] == DEMO_OPERATOR["email"]]
        operator_id = existing[0]["id"] if existing else call(gateway, admin_key, "POST", "/admin/operators", DEMO_OPERATOR)["id"]
        issued = call(gateway, admin_key, "POST", "/admin/api-keys",
                      {"tenantType": "OPERATOR", "tenantId": operator_id, "label": "demo operator"})
        operator = {"operatorId": operator_id, "name": DEMO_OPERATOR["name"], "keyId": issued["id"], "apiKey": issued["apiKey"]}

    keys = {entry["enterpriseId"]: entry for entry in previous.get("enterprises", [])}
    result = []
    not_registered = 0
    for enterprise in enterprises:
        entry = keys.get(enterprise["id"])
        if not still_valid(entry):
            try:
                issued = call(gateway, admin_key, "POST", "/admin/api-keys",
                              {"tenantType": "ENTERPRISE", "tenantId": enterprise["id"], "label": "demo " + enterprise["id"]})
            except urllib.error.HTTPError as error:
                if error.code != 422:
                    raise
                not_registered += 1  # not in the catalog yet: load-demo.py registers it and issues its key
                continue
            entry = {"enterpriseId": enterprise["id"], "name": enterprise["name"], "keyId": issued["id"], "apiKey": issued["apiKey"]}
        result.append(entry)

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        json.dump({"gateway": gateway, "operator": operator, "enterprises": result}, f, ensure_ascii=False, indent=2)
    os.chmod(output, 0o600)
    print(f"  operator   {operator['name']}: {operator['apiKey']}")
    for entry in result[:3]:
        print(f"  enterprise {entry['name']}: {entry['apiKey']}")
    print(f"  … {len(result)} enterprise keys in all: {output}")
    if not_registered:
        print(f"  {not_registered} enterprises are not in the catalog yet: the demo data loader registers them and issues their keys")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except (urllib.error.URLError, KeyError, ValueError) as error:
        print(f"  demo keys not created: {error}", file=sys.stderr)
        sys.exit(1)
