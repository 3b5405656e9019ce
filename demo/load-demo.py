#!/usr/bin/env python3
"""Loads the demo enterprises and programs of demo/enterprises.json through the gateway's public APIs.

Idempotent; a second run changes nothing and says so:
  - enterprise: POST /api/v1/enterprises with its fixed id (admin key); 409 means it exists: skipped;
  - the enterprise's key: taken from the keys file written by bootstrap-keys.py, else issued (admin
    POST /admin/api-keys) and added to that file in the same shape; every enterprise is registered
    before any key is issued, as the gateway keys only enterprises the catalog knows (422 otherwise);
  - program: identified by its title among the enterprise's programs (GET /api/v1/excursions?mine);
    created (POST) when missing, published when not yet published; an existing one is never rewritten;
  - slots: POST .../schedules from tomorrow to today + 60 days in the enterprise's zone (the catalog
    skips starts that already have a slot);
  - "closeOneSlot": one slot about a week ahead is closed with that reason, unless the program already
    has a closed slot in the next 60 days;
  - "sellOutOneSlot": the demo operator books every seat of one slot about a week ahead over OCTO
    (reserve + confirm, like any reseller; the booking uuid is derived from the slot id, so a rerun
    replays the same booking instead of making another), unless a slot of the program is already full.

Usage: demo/load-demo.py [--dry-run] <gateway-url> <admin-key> <keys-file>
  --dry-run prints every request it would send (reads answer as empty) and sends nothing.
Python 3 standard library only.
"""
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

try:
    from zoneinfo import ZoneInfo
except ImportError:  # Python < 3.9: dates in UTC are close enough for a demo window
    ZoneInfo = None

HORIZON_DAYS = 60
CLOSE_AFTER_DAYS = 7
RETRIES = 5


class Api:
    """A JSON client with a bearer key; retries 429/502/503/504 with back-off; never raises on 4xx."""

    def __init__(self, gateway, dry_run):
        self.gateway = gateway.rstrip("/")
        self.dry_run = dry_run
        self.sent = 0

    def call(self, key, method, path, body=None):
        """(status, parsed JSON or None)."""
        if self.dry_run:
            shown = "" if body is None else " " + json.dumps(body, ensure_ascii=False)[:160]
            print(f"    {method} {path}{shown}")
            created = method == "POST" and path.endswith(("/enterprises", "/excursions", "/schedules", "/api-keys"))
            return (201 if created else 200), None
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(RETRIES):
            request = urllib.request.Request(self.gateway + path, data=data, method=method, headers={
                "Authorization": "Bearer " + key, "Content-Type": "application/json",
                "Accept": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=15) as response:
                    self.sent += 1
                    return response.status, json.loads(response.read() or b"null")
            except urllib.error.HTTPError as error:
                self.sent += 1
                if error.code in (429, 502, 503, 504) and attempt < RETRIES - 1:
                    time.sleep(float(error.headers.get("Retry-After") or 0) or 0.5 * 2 ** attempt)
                    continue
                text = error.read().decode("utf-8", "replace")
                try:
                    return error.code, json.loads(text)
                except ValueError:
                    return error.code, {"detail": text[:300]}
        raise RuntimeError(f"{method} {path}: no answer after {RETRIES} attempts")


class Failed(Exception):
    pass


def expect(status, answer, what, *ok):
    if status not in ok:
        detail = answer.get("detail") if isinstance(answer, dict) else answer
        errors = answer.get("errors") if isinstance(answer, dict) else None
        raise Failed(f"{what}: HTTP {status} {detail or ''} {errors or ''}".strip())


def today_in(zone):
    if ZoneInfo is None:
        return datetime.datetime.now(datetime.timezone.utc).date()
    return datetime.datetime.now(ZoneInfo(zone)).date()


def enterprise_body(enterprise):
    """What POST /api/v1/enterprises takes: the entry without its programs."""
    return {k: v for k, v in enterprise.items() if k != "programs"}


def load_keys(api, admin_key, keys_file, enterprises, stats):
    """The ENTERPRISE key of every demo enterprise: reused from the file while active, else issued."""
    stored = {}
    if os.path.exists(keys_file):
        with open(keys_file, encoding="utf-8") as f:
            stored = json.load(f)
    status, listed = api.call(admin_key, "GET", "/admin/api-keys")
    expect(status, listed, "list API keys", 200)
    active = {k["id"] for k in listed or [] if k.get("active")}
    entries = {e["enterpriseId"]: e for e in stored.get("enterprises", [])}
    changed = False
    for enterprise in enterprises:
        entry = entries.get(enterprise["id"])
        if entry is not None and (entry.get("keyId") in active or api.dry_run):
            continue
        status, issued = api.call(admin_key, "POST", "/admin/api-keys", {
            "tenantType": "ENTERPRISE", "tenantId": enterprise["id"], "label": "demo " + enterprise["id"]})
        expect(status, issued, f"issue a key for {enterprise['id']}", 201)
        issued = issued or {"id": "dry-run", "apiKey": "dry-run-key"}
        entries[enterprise["id"]] = {"enterpriseId": enterprise["id"], "name": enterprise["name"],
                                     "keyId": issued["id"], "apiKey": issued["apiKey"]}
        stats["keys"] += 1
        changed = True
    if changed and not api.dry_run:
        # the same shape bootstrap-keys.py writes: other entries and the operator stay as they are
        known = [e["id"] for e in enterprises]
        stored["gateway"] = api.gateway
        stored["enterprises"] = [entries[i] for i in known] + [e for i, e in entries.items() if i not in known]
        os.makedirs(os.path.dirname(os.path.abspath(keys_file)), exist_ok=True)
        with open(keys_file, "w", encoding="utf-8") as f:
            json.dump(stored, f, ensure_ascii=False, indent=2)
        os.chmod(keys_file, 0o600)
    return {i: e["apiKey"] for i, e in entries.items()}


def register_enterprise(api, admin_key, enterprise, stats):
    """Registers the enterprise in the catalog (409: it exists, never overwritten); before its key, which the
    gateway issues only for a registered enterprise."""
    status, answer = api.call(admin_key, "POST", "/api/v1/enterprises", enterprise_body(enterprise))
    expect(status, answer, f"enterprise {enterprise['id']}", 201, 409)
    stats["enterprises_new" if status == 201 else "enterprises_existing"] += 1


def load_enterprise(api, key, enterprise, stats, operator_key=None):
    status, mine = api.call(key, "GET", "/api/v1/excursions?mine&size=100")
    expect(status, mine, f"programs of {enterprise['id']}", 200)
    by_title = {p["title"]: p for p in (mine or {}).get("items", [])}
    start = today_in(enterprise["timeZone"])
    for entry in enterprise.get("programs", []):
        program = entry["program"]
        existing = by_title.get(program["title"])
        if existing is None:
            status, existing = api.call(key, "POST", "/api/v1/excursions", program)
            expect(status, existing, f"program «{program['title']}»", 201)
            existing = existing or {"id": "exc-dry-run", "status": "DRAFT"}
            stats["programs_new"] += 1
        else:
            stats["programs_existing"] += 1
        excursion = urllib.parse.quote(existing["id"], safe="")
        if existing["status"] != "PUBLISHED":
            status, answer = api.call(key, "POST", f"/api/v1/excursions/{excursion}/publish")
            expect(status, answer, f"publish «{program['title']}»", 200, 201)
            stats["published"] += 1
        if "schedule" in entry:
            body = dict(entry["schedule"], **{"from": (start + datetime.timedelta(days=1)).isoformat(),
                                             "to": (start + datetime.timedelta(days=HORIZON_DAYS)).isoformat()})
            status, answer = api.call(key, "POST", f"/api/v1/excursions/{excursion}/schedules", body)
            expect(status, answer, f"schedule of «{program['title']}»", 201)
            stats["slots_new"] += (answer or {}).get("created", 0)
            stats["slots_existing"] += (answer or {}).get("skipped", 0)
        if entry.get("closeOneSlot"):
            close_one(api, key, excursion, start, entry["closeOneSlot"], program["title"], stats)
        if entry.get("sellOutOneSlot") and operator_key:
            sell_out_one(api, key, operator_key, existing["id"], start, program["title"], stats)


def sell_out_one(api, key, operator_key, excursion_id, start, title, stats):
    """Books every seat of the first open slot a week or more ahead through OCTO, as a reseller would."""
    excursion = urllib.parse.quote(excursion_id, safe="")
    window = f"from={start.isoformat()}&to={(start + datetime.timedelta(days=HORIZON_DAYS)).isoformat()}"
    status, slots = api.call(key, "GET", f"/api/v1/excursions/{excursion}/slots?{window}")
    expect(status, slots, f"slots of «{title}»", 200)
    slots = slots or []
    if any(s["status"] == "OPEN" and s["available"] == 0 for s in slots):
        stats["sold_out_existing"] += 1
        return
    later = (start + datetime.timedelta(days=CLOSE_AFTER_DAYS)).isoformat()
    candidates = [s for s in slots if s["status"] == "OPEN" and s["start"][:10] >= later and s["held"] == 0]
    if not candidates:
        if api.dry_run:
            return
        raise Failed(f"«{title}» has no untouched open slot {CLOSE_AFTER_DAYS} days ahead to sell out")
    slot = candidates[0]
    status, product = api.call(operator_key, "GET", f"/octo/products/{excursion}")
    expect(status, product, f"OCTO product «{title}»", 200)
    units = (product or {}).get("options", [{}])[0].get("units", [])
    adult = next((u["id"] for u in units if u.get("reference") == "ADULT"), "adult")
    booking_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, "promtour-demo-sold-out/" + slot["id"]))
    body = {"uuid": booking_uuid, "productId": excursion_id, "optionId": "DEFAULT", "availabilityId": slot["id"],
            "resellerReference": "DEMO-SOLD-OUT", "unitItems": [{"unitId": adult}] * slot["capacity"]}
    # the booking service learns new products and opens their slots' seat ledgers from catalog events a moment
    # after they are published
    for attempt in range(20):
        status, booking = api.call(operator_key, "POST", "/octo/bookings", body)
        answer = booking or {}
        not_yet = answer.get("error") in ("INVALID_PRODUCT_ID", "INVALID_AVAILABILITY_ID") \
            or str(answer.get("errorMessage", "")).startswith("UNKNOWN_SLOT")
        if api.dry_run or status != 400 or not not_yet:
            break
        time.sleep(0.5)
    expect(status, booking, f"reserve all seats of a slot of «{title}»", 200)
    status, booking = api.call(operator_key, "POST", f"/octo/bookings/{booking_uuid}/confirm", {"contact": {
        "fullName": "Демо Группа", "emailAddress": "group@demo.promtour.local", "phoneNumber": "+79000000000",
        "locales": ["ru"]}})
    expect(status, booking, f"confirm the full group of «{title}»", 200)
    stats["sold_out_new"] += 1


def close_one(api, key, excursion, start, reason, title, stats):
    """Closes the first open slot a week or more ahead, unless one is closed already."""
    window = f"from={start.isoformat()}&to={(start + datetime.timedelta(days=HORIZON_DAYS)).isoformat()}"
    status, slots = api.call(key, "GET", f"/api/v1/excursions/{excursion}/slots?{window}")
    expect(status, slots, f"slots of «{title}»", 200)
    slots = slots or []
    if any(s["status"] == "CLOSED" for s in slots):
        stats["closed_existing"] += 1
        return
    later = (start + datetime.timedelta(days=CLOSE_AFTER_DAYS)).isoformat()
    candidates = [s for s in slots if s["status"] == "OPEN" and s["start"][:10] >= later]
    if not candidates and not api.dry_run:
        raise Failed(f"«{title}» has no open slot {CLOSE_AFTER_DAYS} days ahead to close")
    slot_id = candidates[0]["id"] if candidates else "slot-dry-run"
    status, answer = api.call(key, "POST", f"/api/v1/slots/{urllib.parse.quote(slot_id, safe='')}/close",
                              {"reason": reason})
    # 200 once the seat ledger applied it; 202 when its answer is late (the close still lands)
    expect(status, answer, f"close a slot of «{title}»", 200, 202)
    stats["closed_new"] += 1


def main(argv):
    dry_run = "--dry-run" in argv
    args = [a for a in argv if a != "--dry-run"]
    if len(args) != 3:
        print(__doc__.split("\n\n")[-1].strip(), file=sys.stderr)
        return 2
    gateway, admin_key, keys_file = args
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "enterprises.json"), encoding="utf-8") as f:
        enterprises = json.load(f)
    api = Api(gateway, dry_run)
    stats = dict.fromkeys(["keys", "enterprises_new", "enterprises_existing", "programs_new", "programs_existing",
                           "published", "slots_new", "slots_existing", "closed_new", "closed_existing",
                           "sold_out_new", "sold_out_existing"], 0)
    failures = []
    registered = []
    for enterprise in enterprises:
        try:
            register_enterprise(api, admin_key, enterprise, stats)
            registered.append(enterprise)
        except Failed as failure:
            failures.append(str(failure))
    keys = load_keys(api, admin_key, keys_file, registered, stats)
    operator_key = None
    if os.path.exists(keys_file):
        with open(keys_file, encoding="utf-8") as f:
            operator_key = (json.load(f).get("operator") or {}).get("apiKey")
    for enterprise in registered:
        try:
            load_enterprise(api, keys.get(enterprise["id"], "dry-run-key"), enterprise, stats,
                            operator_key or ("dry-run-key" if dry_run else None))
        except Failed as failure:
            failures.append(str(failure))
    programs = stats["programs_new"] + stats["programs_existing"]
    changes = sum(stats[k] for k in ("keys", "enterprises_new", "programs_new", "published", "slots_new", "closed_new",
                                     "sold_out_new"))
    verdict = "dry run, nothing sent" if dry_run else ("nothing to change" if changes == 0 else "loaded")
    print(f"  Demo data ({verdict}): {len(enterprises)} enterprises ({stats['enterprises_new']} new), "
          f"{programs} programs ({stats['programs_new']} new, {stats['published']} published now), "
          f"slots +{stats['slots_new']} ({stats['slots_existing']} already there), "
          f"closed slot {'closed now' if stats['closed_new'] else 'already closed'}, "
          f"sold-out slot {'booked full now' if stats['sold_out_new'] else ('already full' if stats['sold_out_existing'] else 'none (no operator key)')}"
          f"{', ' + str(stats['keys']) + ' keys issued' if stats['keys'] else ''}")
    for failure in failures:
        print(f"  demo data: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (urllib.error.URLError, OSError, ValueError, KeyError, RuntimeError, Failed) as error:
        print(f"  demo data not loaded: {error}", file=sys.stderr)
        sys.exit(1)
