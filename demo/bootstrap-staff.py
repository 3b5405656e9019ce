#!/usr/bin/env python3
"""Creates, idempotently, the demo people of the local run's web console (issue 19, ADR 0008).

The regional office (an ADMIN staff member) and one staff member of the marshmallow factory «Фруже» are invited
through the gateway's admin API and their invitations accepted with the documented demo password, exactly as a
person would on /console/invite. A member that is already active keeps its password (it may have been changed);
one left invited is invited again. Needs the demo enterprises registered (load-demo.py runs first).
Usage: demo/bootstrap-staff.py <gateway-url> <admin-key> <password>
"""
import json
import sys
import urllib.error
import urllib.request

PEOPLE = [
    {"email": "office@promtour.local", "name": "Региональный офис (демо)", "role": "ADMIN"},
    {"email": "staff@fruzhe.local", "name": "Ольга Фруже (демо)", "role": "ENTERPRISE", "enterpriseId": "ent-fruzhe"},
]


def call(gateway, key, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if key:
        headers["Authorization"] = "Bearer " + key
    request = urllib.request.Request(gateway + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def ensure(gateway, admin_key, password, person, members):
    member = members.get(person["email"])
    if member is not None and member["status"] in ("ACTIVE", "LOCKED"):
        return "active"
    if member is not None and member["status"] == "DISABLED":
        return "disabled"
    invite = (call(gateway, admin_key, "POST", f"/admin/staff/{member['id']}/invite") if member is not None
              else call(gateway, admin_key, "POST", "/admin/staff", person))
    call(gateway, None, "POST", "/auth/invites/accept", {"token": invite["inviteToken"], "password": password})
    return "created"


def main(gateway, admin_key, password):
    members = {m["email"]: m for m in call(gateway, admin_key, "GET", "/admin/staff")}
    for person in PEOPLE:
        try:
            state = ensure(gateway, admin_key, password, person, members)
        except urllib.error.HTTPError as error:
            print(f"  {person['email']}: not created ({error.code} {error.read().decode(errors='replace')[:200]})",
                  file=sys.stderr)
            continue
        note = "" if state != "disabled" else "  (disabled: enable it again by a new invitation)"
        print(f"  {person['name']:<28} {person['email']:<24} password {password}{note}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except (urllib.error.URLError, KeyError, ValueError) as error:
        print(f"  demo staff not created: {error}", file=sys.stderr)
        sys.exit(1)
