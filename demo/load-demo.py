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
    replays the same booking instead of making another), unless a slot of the program is already full;
  - history (issue 18, for the reports): past slots of every start-time program over the last
    HISTORY_WEEKS complete weeks (admin POST .../history-slots), and on most of them 1-3 bookings of the
    demo operator (admin POST /api/v1/bookings/history): school groups and adult groups, fill rates from
    about 30 % to full, about 10 % cancelled (some inside the cancellation window). Chosen by an RNG seeded
    per program and ISO week, with uuids derived from program, start and position, so a rerun sends the
    same imports and both services answer them as existing; a slot that already has seats taken (a live
    slot of an earlier run that has since started) gets no imported bookings.

Usage: demo/load-demo.py [--dry-run] <gateway-url> <admin-key> <keys-file>
  --dry-run prints every request it would send (reads answer as empty) and sends nothing.
Python 3 standard library only.
"""
import datetime
import json
import math
import os
import random
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
HISTORY_WEEKS = 13           # complete weeks before the current one: about three months of history
HISTORY_SLOTS_PER_WEEK = (1, 1, 2)
HISTORY_BOOKED_SHARE = 0.75  # slots with bookings; the others stayed empty
HISTORY_CANCELLED_SHARE = 0.22  # slots with one more, cancelled, booking: about 10 % of all bookings
HISTORY_BATCH = 500          # the import endpoints' limit per call
HISTORY_CANCEL_REASONS = {"OPERATOR": ["Группа не набралась", "Карантин в школе", "Поездка перенесена"],
                          "SUPPLIER": ["Производственная необходимость: цех на внеплановом обслуживании",
                                       "Ограничение доступа на площадку"]}


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
            created = method == "POST" and path.endswith(("/enterprises", "/excursions", "/schedules", "/api-keys",
                                                          "/history-slots", "/history",
                                                          "/agreements"))
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


def load_enterprise(api, key, enterprise, stats, operator_key=None, history=None):
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
        if history and "schedule" in entry:
            load_history(api, history["adminKey"], key, enterprise, entry, existing, history["operator"], stats)
    if history and enterprise.get("programs"):
        load_agreement(api, history["adminKey"], enterprise, history["operator"], stats)


def load_agreement(api, admin_key, enterprise, operator, stats):
    """The demo operator's commission with the enterprise (10, 12 or 15 %, from before the history), set once."""
    query = urllib.parse.urlencode({"operatorId": operator["operatorId"], "enterpriseId": enterprise["id"]})
    status, agreements = api.call(admin_key, "GET", f"/api/v1/agreements?{query}")
    expect(status, agreements, f"agreements of {enterprise['id']}", 200)
    if agreements:
        stats["agreements_existing"] += 1
        return
    oldest = today_in(enterprise["timeZone"]) - datetime.timedelta(weeks=HISTORY_WEEKS + 1)
    percent = random.Random(enterprise["id"]).choice([10, 12, 15])
    status, answer = api.call(admin_key, "POST", "/api/v1/agreements", {
        "operatorId": operator["operatorId"], "enterpriseId": enterprise["id"], "model": "COMMISSION",
        "percent": percent, "currency": "RUB", "effectiveFrom": oldest.replace(day=1).isoformat()})
    expect(status, answer, f"the demo operator's agreement with {enterprise['id']}", 201)
    stats["agreements_new"] += 1


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


def unit_ids(existing, program):
    """The program's unit id per type: from the catalog's answer, else as the catalog derives them (type in lower case)."""
    units = (existing or {}).get("units") or program.get("units", [])
    return {u["type"]: u.get("id") or u["type"].lower() for u in units}


def utc(instant):
    return instant.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone_of(name):
    return ZoneInfo(name) if ZoneInfo is not None else datetime.timezone(datetime.timedelta(hours=3))


def history_group(rng, size, units, per_children):
    """A group of {size}: a school class with its accompanying adults, a student group, or adults (and seniors)."""
    adult = units.get("ADULT") or next(iter(units.values()))
    if "CHILD" in units and size >= 2 and rng.random() < 0.6:
        if "ACCOMPANYING_ADULT" in units:
            # at most one free accompanying adult per {per_children} children, at least one
            accompanying = max(1, size // (per_children + 1))
            return [(units["CHILD"], size - accompanying), (units["ACCOMPANYING_ADULT"], accompanying)]
        adults = max(1, size // 10)
        return [(units["CHILD"], size - adults), (adult, adults)]
    if "STUDENT" in units and size >= 2 and rng.random() < 0.5:
        adults = max(1, size // 12)
        return [(units["STUDENT"], size - adults), (adult, adults)]
    if "SENIOR" in units and size >= 3 and rng.random() < 0.3:
        seniors = size // 3
        return [(adult, size - seniors), (units["SENIOR"], seniors)]
    return [(adult, size)]


def history_sizes(rng, seats, smallest, largest):
    """{seats} split into 1-3 groups of {smallest}..{largest} each (more groups when one cannot take them)."""
    count = max(1, min(rng.choice((1, 2, 2, 3)), seats // smallest))
    while math.ceil(seats / count) > largest:
        count += 1
    sizes = [smallest] * count
    for _ in range(seats - smallest * count):
        room = [i for i, size in enumerate(sizes) if size < largest]
        sizes[rng.choice(room)] += 1
    return sizes


def history_booking(rng, excursion_id, local_start, start, position, sizes_units, program, operator, cancelled=False):
    """One imported booking of the demo operator: booked {lead} days ahead, confirmed minutes (ON_REQUEST: hours) later."""
    booking_cutoff = program.get("bookingCutoffHours", 0)
    lead = rng.randint(max(3, math.ceil(booking_cutoff / 24) + 2), 45)
    booked = start - datetime.timedelta(days=lead, hours=rng.randint(0, 10), minutes=rng.randint(0, 59))
    delay = datetime.timedelta(hours=rng.randint(2, 48)) if program.get("bookingMode") == "ON_REQUEST" \
        else datetime.timedelta(minutes=rng.randint(2, 90))
    confirmed = booked + delay
    school = any(unit in ("child", "student") for unit, _ in sizes_units)
    booking = {"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"promtour-demo-history/{excursion_id}/{local_start}/{position}")),
               "operatorId": operator["operatorId"], "operatorName": operator.get("name"),
               "unitItems": [{"unitId": unit, "quantity": n} for unit, n in sizes_units if n > 0],
               "resellerReference": f"{'SCH' if school else 'GRP'}-{local_start[:10].replace('-', '')}-{position}",
               "bookedAt": utc(booked), "confirmedAt": utc(confirmed), "outcome": "VISITED"}
    if cancelled:
        window = start - datetime.timedelta(hours=program.get("cancellationCutoffHours", 0))
        by = rng.choice(("OPERATOR", "OPERATOR", "SUPPLIER"))
        if rng.random() < 0.5 or window <= confirmed + datetime.timedelta(hours=1):
            # late: inside the cancellation window (start - cancellationCutoffHours .. start)
            earliest = max(window, confirmed + datetime.timedelta(minutes=1))
            at = earliest + (start - earliest) * rng.uniform(0.1, 0.9)
        else:
            at = confirmed + (window - confirmed) * rng.uniform(0.1, 0.9)
        booking.update(outcome="CANCELLED", cancelledAt=utc(at), cancelledBy=by,
                       reason=rng.choice(HISTORY_CANCEL_REASONS[by]))
    return booking


def plan_history(enterprise, entry, units, today, operator):
    """[{localStart, capacity, bookings}] of the program's past slots: deterministic per program and ISO week."""
    program = entry["program"]
    schedule = entry["schedule"]
    zone = zone_of(enterprise["timeZone"])
    smallest = max(1, program.get("minUnits", 1))
    largest = min(program.get("maxUnits", 40), schedule["capacity"])
    per_children = next((u.get("freeAccompanyingPerChildren") or 10 for u in program.get("units", [])
                         if u["type"] == "ACCOMPANYING_ADULT"), 10)
    this_monday = today - datetime.timedelta(days=today.weekday())
    plan = []
    for week in range(HISTORY_WEEKS, 0, -1):
        monday = this_monday - datetime.timedelta(weeks=week)
        rng = random.Random(f"{enterprise['id']}|{program['title']}|{monday.isoformat()}")
        days = [monday + datetime.timedelta(days=d) for d in range(7)]
        candidates = [f"{day.isoformat()}T{time_}" for day in days if day.strftime("%A").upper() in schedule["daysOfWeek"]
                      for time_ in schedule["times"]]
        chosen = sorted(rng.sample(candidates, min(rng.choice(HISTORY_SLOTS_PER_WEEK), len(candidates))))
        for local_start in chosen:
            start = datetime.datetime.fromisoformat(local_start).replace(tzinfo=zone)
            slot = {"localStart": local_start, "capacity": schedule["capacity"], "bookings": []}
            plan.append(slot)
            if rng.random() >= HISTORY_BOOKED_SHARE or largest < smallest:
                continue
            seats = max(smallest, round(schedule["capacity"] * min(1.0, rng.uniform(0.3, 1.15))))
            for size in history_sizes(rng, seats, smallest, largest):
                slot["bookings"].append(history_booking(rng, entry["id"], local_start, start, len(slot["bookings"]),
                                                        history_group(rng, size, units, per_children), program, operator))
            if rng.random() < HISTORY_CANCELLED_SHARE:
                size = rng.randint(smallest, largest)
                slot["bookings"].append(history_booking(rng, entry["id"], local_start, start, len(slot["bookings"]),
                                                        history_group(rng, size, units, per_children), program, operator,
                                                        cancelled=True))
    return plan


def load_history(api, admin_key, key, enterprise, entry, existing, operator, stats):
    """Imports the program's planned past slots, then the bookings of the slots that have no seat taken yet."""
    today = today_in(enterprise["timeZone"])
    plan = plan_history(enterprise, dict(entry, id=existing["id"]), unit_ids(existing, entry["program"]), today,
                        operator)
    if not plan:
        return
    title = entry["program"]["title"]
    excursion = urllib.parse.quote(existing["id"], safe="")
    answered = []
    for i in range(0, len(plan), HISTORY_BATCH):
        status, answer = api.call(admin_key, "POST", f"/api/v1/excursions/{excursion}/history-slots",
                                  {"slots": [{"localStart": s["localStart"], "capacity": s["capacity"]}
                                             for s in plan[i:i + HISTORY_BATCH]]})
        expect(status, answer, f"past slots of «{title}»", 201)
        answered += (answer or {}).get("slots") or [{"slotId": "slot-dry-run", "status": "CREATED"}] * len(plan[i:i + HISTORY_BATCH])
    stats["history_slots_new"] += sum(1 for a in answered if a["status"] == "CREATED")
    stats["history_slots_existing"] += sum(1 for a in answered if a["status"] == "EXISTING")
    taken = {}
    if any(a["status"] == "EXISTING" for a in answered):
        window = f"from={plan[0]['localStart'][:10]}&to={plan[-1]['localStart'][:10]}"
        status, slots = api.call(key, "GET", f"/api/v1/excursions/{excursion}/slots?{window}")
        expect(status, slots, f"past slots of «{title}»", 200)
        taken = {s["id"]: s["held"] + s["confirmed"] for s in slots or []}
    bookings = []
    for slot, answer in zip(plan, answered):
        if taken.get(answer["slotId"], 0) > 0:
            # imported by an earlier run, or a live slot of an earlier run that has since started: left as it is
            stats["history_slots_booked_before"] += 1
            continue
        bookings += [dict(b, slotId=answer["slotId"]) for b in slot["bookings"]]
    for i in range(0, len(bookings), HISTORY_BATCH):
        import_bookings(api, admin_key, bookings[i:i + HISTORY_BATCH], title, stats)


def import_bookings(api, admin_key, bookings, title, stats):
    # booking-service learns new slots (and opens their seat ledgers) from the catalog's events a moment later
    for attempt in range(40):
        status, answer = api.call(admin_key, "POST", "/api/v1/bookings/history", {"bookings": bookings})
        errors = (answer or {}).get("errors") or [] if isinstance(answer, dict) else []
        not_yet = status == 400 and errors and all(
            e["field"].endswith(".slotId") and ("booking-service knows" in e["message"] or "no seat ledger" in e["message"])
            for e in errors)
        if api.dry_run or not not_yet:
            break
        time.sleep(0.25)
    expect(status, answer, f"past bookings of «{title}»", 201)
    answered = (answer or {}).get("bookings") or []
    stats["history_bookings_new"] += sum(1 for a in answered if a["status"] == "CREATED")
    stats["history_bookings_existing"] += sum(1 for a in answered if a["status"] == "EXISTING")
    stats["history_bookings_refused"] += sum(1 for a in answered if a["status"] == "REFUSED")
    stats["history_cancelled"] += sum(1 for b, a in zip(bookings, answered)
                                      if a["status"] == "CREATED" and b["outcome"] == "CANCELLED")


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
                           "sold_out_new", "sold_out_existing", "history_slots_new", "history_slots_existing",
                           "history_slots_booked_before", "history_bookings_new", "history_bookings_existing",
                           "history_bookings_refused", "history_cancelled", "agreements_new",
                           "agreements_existing"], 0)
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
    operator = None
    if os.path.exists(keys_file):
        with open(keys_file, encoding="utf-8") as f:
            operator = json.load(f).get("operator") or None
            operator_key = (operator or {}).get("apiKey")
    if operator is None and dry_run:
        operator = {"operatorId": "op-dry-run", "name": "dry run"}
    history = {"adminKey": admin_key, "operator": operator} if operator and operator.get("operatorId") else None
    started = time.monotonic()
    for enterprise in registered:
        try:
            load_enterprise(api, keys.get(enterprise["id"], "dry-run-key"), enterprise, stats,
                            operator_key or ("dry-run-key" if dry_run else None), history)
        except Failed as failure:
            failures.append(str(failure))
    programs = stats["programs_new"] + stats["programs_existing"]
    changes = sum(stats[k] for k in ("keys", "enterprises_new", "programs_new", "published", "slots_new", "closed_new",
                                     "sold_out_new", "history_slots_new", "history_bookings_new", "agreements_new"))
    verdict = "dry run, nothing sent" if dry_run else ("nothing to change" if changes == 0 else "loaded")
    print(f"  Demo data ({verdict}): {len(enterprises)} enterprises ({stats['enterprises_new']} new), "
          f"{programs} programs ({stats['programs_new']} new, {stats['published']} published now), "
          f"slots +{stats['slots_new']} ({stats['slots_existing']} already there), "
          f"closed slot {'closed now' if stats['closed_new'] else 'already closed'}, "
          f"sold-out slot {'booked full now' if stats['sold_out_new'] else ('already full' if stats['sold_out_existing'] else 'none (no operator key)')}"
          f"{', ' + str(stats['keys']) + ' keys issued' if stats['keys'] else ''}")
    if history:
        print(f"  Demo history: past slots +{stats['history_slots_new']} ({stats['history_slots_existing']} already there), "
              f"bookings +{stats['history_bookings_new']} ({stats['history_cancelled']} of them cancelled; "
              f"{stats['history_bookings_existing']} already there"
              f"{', ' + str(stats['history_bookings_refused']) + ' refused' if stats['history_bookings_refused'] else ''}), "
              f"commission agreements +{stats['agreements_new']} ({stats['agreements_existing']} already there), "
              f"{time.monotonic() - started:.1f} s with the programs")
    else:
        print("  Demo history: skipped (no demo operator in the keys file)")
    for failure in failures:
        print(f"  demo data: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (urllib.error.URLError, OSError, ValueError, KeyError, RuntimeError, Failed) as error:
        print(f"  demo data not loaded: {error}", file=sys.stderr)
        sys.exit(1)
