#!/usr/bin/env python3
"""The loader against a fake gateway that answers like the catalog and the gateway's admin API.

Run: python3 -m unittest discover -s demo -p 'test_*.py'   (standard library only, no stack needed)
"""
import datetime
import importlib.util
import io
import json
import os
import tempfile
import threading
import unittest
import urllib.parse
from contextlib import redirect_stdout, redirect_stderr
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("load_demo", os.path.join(HERE, "load-demo.py"))
load_demo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(load_demo)
spec = importlib.util.spec_from_file_location("bootstrap_keys", os.path.join(HERE, "bootstrap-keys.py"))
bootstrap_keys = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bootstrap_keys)
ADMIN = "admin-key"


class FakeGateway:
    """State of the fake: enterprises, keys, programs and slots, as the real services would keep them."""

    def __init__(self):
        self.enterprises = {}
        self.operators = {}
        # apiKey -> {id, tenantId, active}; "op-key" is the demo operator's, as bootstrap-keys.py writes it
        self.keys = {"op-key": {"id": "key-op", "tenantId": "op-demo", "active": True}}
        self.programs = {}      # id -> {id, enterpriseId, title, status}
        self.slots = {}         # id -> {id, excursionId, start, status, capacity, held, confirmed, available}
        self.bookings = {}      # uuid -> {uuid, slot, units, status}
        self.imported = {}      # (operatorId, uuid) -> the imported booking as sent, with its slot
        self.agreements = []    # as posted
        self.unknown_slots_next = 0   # answers of the history import refusing slots booking-service does not know yet
        self.writes = []
        self.throttle_next = 0
        self.lock = threading.Lock()

    def handle(self, method, url, key, body):
        path, _, query = url.partition("?")
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        if self.throttle_next:
            self.throttle_next -= 1
            return 429, {"detail": "slow down"}
        if method != "GET":
            self.writes.append(f"{method} {path}")
        if path.startswith("/admin/") or path in ("/api/v1/enterprises", "/api/v1/bookings/history", "/api/v1/agreements") \
                or path.endswith("/history-slots"):
            if key != ADMIN:
                return 403, {"detail": "admin only"}
        elif key not in self.keys:
            return 401, {"detail": "unknown key"}
        tenant = self.keys.get(key, {}).get("tenantId")
        if method == "GET" and path == "/admin/api-keys":
            return 200, [{"id": k["id"], "active": k["active"]} for k in self.keys.values()]
        if method == "GET" and path == "/admin/operators":
            return 200, list(self.operators.values())
        if method == "POST" and path == "/admin/operators":
            operator = dict(body, id=f"op-{len(self.operators)}")
            self.operators[operator["id"]] = operator
            return 201, operator
        if method == "POST" and path == "/admin/api-keys":
            if body["tenantType"] == "ENTERPRISE" and body["tenantId"] not in self.enterprises:
                return 422, {"detail": f"tenantId {body['tenantId']} names no enterprise registered in the catalog"}
            issued = {"id": f"key-{len(self.keys) - 1}", "tenantId": body["tenantId"], "active": True}
            api_key = f"secret-{len(self.keys) - 1}"
            self.keys[api_key] = issued
            return 201, {"id": issued["id"], "apiKey": api_key}
        if method == "POST" and path == "/api/v1/enterprises":
            if body["id"] in self.enterprises:
                return 409, {"detail": "exists"}
            assert "programs" not in body, "the enterprise body carries no programs"
            self.enterprises[body["id"]] = body
            return 201, body
        if method == "GET" and path == "/api/v1/excursions":
            mine = [p for p in self.programs.values() if p["enterpriseId"] == tenant]
            return 200, {"items": mine, "page": 0, "size": 100, "total": len(mine)}
        if method == "POST" and path == "/api/v1/excursions":
            program = {"id": f"exc-{len(self.programs)}", "enterpriseId": tenant, "title": body["title"],
                       "status": "DRAFT", "body": body,
                       "units": [{"id": u.get("id") or u["type"].lower(), "type": u["type"]} for u in body["units"]]}
            self.programs[program["id"]] = program
            return 201, program
        parts = path.split("/")
        if method == "POST" and path.endswith("/history-slots"):
            program = self.programs.get(parts[4])
            if program is None:
                return 404, {"detail": "not found"}
            if program["status"] != "PUBLISHED":
                return 409, {"detail": "History is imported for a published program only"}
            return 201, self.history_slots(program, body)
        if method == "POST" and path == "/api/v1/bookings/history":
            return self.history_bookings(body)
        if method == "GET" and path == "/api/v1/agreements":
            return 200, [a for a in self.agreements if a["operatorId"] == params["operatorId"][0]
                         and a["enterpriseId"] == params["enterpriseId"][0]]
        if method == "POST" and path == "/api/v1/agreements":
            self.agreements.append(dict(body, id=f"agr-{len(self.agreements)}"))
            return 201, self.agreements[-1]
        if path.startswith("/api/v1/excursions/"):
            program = self.programs.get(parts[4])
            if program is None or program["enterpriseId"] != tenant:
                return 404, {"detail": "not found"}
            action = parts[5]
            if action == "publish":
                program["status"] = "PUBLISHED"
                return 200, program
            if action == "schedules":
                return 201, self.schedule(program, body)
            if action == "slots" and method == "GET":
                lo, hi = params["from"][0], params["to"][0]
                return 200, sorted((s for s in self.slots.values()
                                    if s["excursionId"] == program["id"] and lo <= s["start"][:10] <= hi),
                                   key=lambda s: s["start"])
        if method == "GET" and path.startswith("/octo/products/"):
            return 200, {"id": parts[3], "options": [{"id": "DEFAULT", "units": [
                {"id": "adult", "reference": "ADULT"}, {"id": "child", "reference": "CHILD"}]}]}
        if method == "POST" and path == "/octo/bookings":
            booking = self.bookings.get(body["uuid"])
            if booking is None:
                slot = self.slots[body["availabilityId"]]
                units = len(body["unitItems"])
                if units > slot["available"]:
                    return 400, {"error": "UNPROCESSABLE_ENTITY", "errorMessage": "SOLD_OUT"}
                slot["held"] += units
                slot["available"] -= units
                booking = self.bookings[body["uuid"]] = {"uuid": body["uuid"], "slot": slot, "units": units,
                                                         "status": "ON_HOLD"}
            return 200, {"uuid": booking["uuid"], "status": booking["status"]}
        if method == "POST" and path.startswith("/octo/bookings/") and parts[4] == "confirm":
            booking = self.bookings[parts[3]]
            if booking["status"] == "ON_HOLD":
                booking["status"] = "CONFIRMED"
                booking["slot"]["held"] -= booking["units"]
                booking["slot"]["confirmed"] += booking["units"]
            return 200, {"uuid": booking["uuid"], "status": booking["status"]}
        if path.startswith("/api/v1/slots/") and parts[5] == "close":
            self.slots[parts[4]]["status"] = "CLOSED"
            return 200, self.slots[parts[4]]
        return 404, {"detail": "no route " + path}

    def schedule(self, program, body):
        day = datetime.date.fromisoformat(body["from"])
        created, skipped = [], 0
        while day <= datetime.date.fromisoformat(body["to"]):
            if day.strftime("%A").upper() in body["daysOfWeek"]:
                for t in body["times"]:
                    start = f"{day.isoformat()}T{t}:00+03:00"
                    if any(s["excursionId"] == program["id"] and s["start"] == start for s in self.slots.values()):
                        skipped += 1
                        continue
                    capacity = body["capacity"]
                    slot = {"id": f"slot-{len(self.slots)}", "excursionId": program["id"], "start": start,
                            "status": "OPEN", "capacity": capacity, "held": 0, "confirmed": 0, "available": capacity}
                    self.slots[slot["id"]] = slot
                    created.append(slot["id"])
            day += datetime.timedelta(days=1)
        return {"created": len(created), "skipped": skipped, "slotIds": created}


    def history_slots(self, program, body):
        assert 1 <= len(body["slots"]) <= 500
        answered = []
        for s in body["slots"]:
            assert s["localStart"][:10] < datetime.date.today().isoformat(), s
            start = f"{s['localStart']}:00+03:00"
            existing = next((x for x in self.slots.values() if x["excursionId"] == program["id"] and x["start"] == start), None)
            if existing is None:
                existing = {"id": f"slot-{len(self.slots)}", "excursionId": program["id"], "start": start,
                            "status": "OPEN", "capacity": s["capacity"], "held": 0, "confirmed": 0,
                            "available": s["capacity"], "history": True}
                self.slots[existing["id"]] = existing
                answered.append({"localStart": s["localStart"], "slotId": existing["id"], "status": "CREATED"})
            else:
                answered.append({"localStart": s["localStart"], "slotId": existing["id"], "status": "EXISTING"})
        created = sum(1 for a in answered if a["status"] == "CREATED")
        return {"created": created, "existing": len(answered) - created, "slots": answered}

    def history_bookings(self, body):
        """Checks as booking-service does (all or nothing, 400 naming the field), then imports."""
        bookings = body["bookings"]
        assert 1 <= len(bookings) <= 500
        if self.unknown_slots_next:
            self.unknown_slots_next -= 1
            return 400, {"errors": [{"field": f"bookings[{i}].slotId",
                                     "message": "is not a slot of a program booking-service knows"}
                                    for i in range(len(bookings))]}
        errors, seats = [], {}
        for i, b in enumerate(bookings):
            if (b["operatorId"], b["uuid"]) in self.imported:
                continue
            slot = self.slots[b["slotId"]]
            program = self.programs[slot["excursionId"]]
            rules = program["body"]
            start = datetime.datetime.fromisoformat(slot["start"])
            at = {k: datetime.datetime.fromisoformat(b[k].replace("Z", "+00:00")) for k in ("bookedAt", "confirmedAt")}
            if not at["bookedAt"] <= at["confirmedAt"] <= start:
                errors.append(f"bookings[{i}].confirmedAt")
            if b["outcome"] == "CANCELLED":
                cancelled = datetime.datetime.fromisoformat(b["cancelledAt"].replace("Z", "+00:00"))
                if not at["confirmedAt"] < cancelled <= start or b["cancelledBy"] not in ("OPERATOR", "SUPPLIER"):
                    errors.append(f"bookings[{i}].cancelledAt")
            types = {u["id"]: u["type"] for u in program["units"]}
            count = {}
            for item in b["unitItems"]:
                if item["unitId"] not in types or item["quantity"] < 1:
                    errors.append(f"bookings[{i}].unitItems")
                    continue
                count[types[item["unitId"]]] = count.get(types[item["unitId"]], 0) + item["quantity"]
            units = sum(count.values())
            children, accompanying = count.get("CHILD", 0), count.get("ACCOMPANYING_ADULT", 0)
            per = next((u.get("freeAccompanyingPerChildren") for u in rules["units"] if u["type"] == "ACCOMPANYING_ADULT"), None)
            if not max(1, rules["minUnits"]) <= units <= rules["maxUnits"] or (children and units == children) \
                    or (accompanying and (not children or (per and accompanying > -(-children // per)))):
                errors.append(f"bookings[{i}].unitItems")
            if b["outcome"] == "VISITED":
                seats[slot["id"]] = seats.get(slot["id"], slot["held"] + slot["confirmed"]) + units
                if seats[slot["id"]] > slot["capacity"]:
                    errors.append(f"bookings[{i}].unitItems")
        if errors:
            return 400, {"errors": [{"field": f, "message": "invalid"} for f in errors]}
        answered = []
        for b in bookings:
            key = (b["operatorId"], b["uuid"])
            if key in self.imported:
                answered.append({"uuid": b["uuid"], "status": "EXISTING"})
                continue
            self.imported[key] = b
            if b["outcome"] == "VISITED":
                slot = self.slots[b["slotId"]]
                units = sum(item["quantity"] for item in b["unitItems"])
                slot["confirmed"] += units
                slot["available"] -= units
            answered.append({"uuid": b["uuid"], "status": "CREATED"})
        return 201, {"created": sum(1 for a in answered if a["status"] == "CREATED"), "bookings": answered}


class LoaderTest(unittest.TestCase):

    def setUp(self):
        self.fake = FakeGateway()
        fake = self.fake

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                key = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                with fake.lock:
                    status, answer = fake.handle(self.command, self.path, key, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if status == 429:
                    self.send_header("Retry-After", "0.01")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.gateway = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.dir = tempfile.TemporaryDirectory()
        self.keys_file = os.path.join(self.dir.name, "demo-keys.json")
        with open(os.path.join(HERE, "enterprises.json"), encoding="utf-8") as f:
            self.data = json.load(f)

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.dir.cleanup()

    def run_loader(self, *extra):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = load_demo.main([*extra, self.gateway, ADMIN, self.keys_file])
        return code, out.getvalue(), err.getvalue()

    def test_first_run_loads_everything_and_a_second_changes_nothing(self):
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        self.assertEqual({e["id"] for e in self.data}, set(self.fake.enterprises))
        programs = sum(len(e["programs"]) for e in self.data)
        self.assertEqual(programs, len(self.fake.programs))
        self.assertTrue(all(p["status"] == "PUBLISHED" for p in self.fake.programs.values()))
        self.assertEqual(1, sum(s["status"] == "CLOSED" for s in self.fake.slots.values()))
        self.assertIn("Demo data (loaded)", out)
        slots = len(self.fake.slots)
        self.assertGreater(slots, 100)

        writes_before = len(self.fake.writes)
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        self.assertIn("Demo data (nothing to change)", out)
        self.assertIn("0 new", out)
        self.assertEqual(programs, len(self.fake.programs))
        self.assertEqual(slots, len(self.fake.slots))
        self.assertEqual(1, sum(s["status"] == "CLOSED" for s in self.fake.slots.values()))
        # only the idempotent calls are repeated: enterprise POST (409) and schedules (all skipped)
        repeated = self.fake.writes[writes_before:]
        self.assertTrue(all(w == "POST /api/v1/enterprises" or w.endswith("/schedules") for w in repeated), repeated)
        self.assertIn("Demo history: skipped (no demo operator in the keys file)", out)

    def test_keys_of_bootstrap_keys_are_reused_and_the_file_keeps_its_other_entries(self):
        first = self.data[0]
        self.fake.keys["secret-boot"] = {"id": "key-boot", "tenantId": first["id"], "active": True}
        with open(self.keys_file, "w", encoding="utf-8") as f:
            json.dump({"gateway": self.gateway, "operator": {"operatorId": "op-1", "apiKey": "op-key"},
                       "enterprises": [{"enterpriseId": first["id"], "name": first["name"], "keyId": "key-boot",
                                        "apiKey": "secret-boot"}]}, f)

        code, _, err = self.run_loader()

        self.assertEqual(0, code, err)
        with open(self.keys_file, encoding="utf-8") as f:
            written = json.load(f)
        self.assertEqual("op-key", written["operator"]["apiKey"])
        by_id = {e["enterpriseId"]: e for e in written["enterprises"]}
        self.assertEqual("secret-boot", by_id[first["id"]]["apiKey"])
        self.assertEqual({e["id"] for e in self.data}, set(by_id))
        self.assertEqual(len(self.data) - 1, sum(1 for w in self.fake.writes if w == "POST /admin/api-keys"))

    def test_on_a_first_start_bootstrap_keys_skips_unregistered_enterprises_and_the_loader_keys_them(self):
        # the gateway keys only enterprises the catalog knows: none is registered before the loader runs
        with redirect_stdout(io.StringIO()) as out:
            bootstrap_keys.main(self.gateway, ADMIN, self.keys_file)
        self.assertIn("not in the catalog yet", out.getvalue())
        with open(self.keys_file, encoding="utf-8") as f:
            written = json.load(f)
        self.assertEqual([], written["enterprises"])
        self.assertTrue(written["operator"]["apiKey"])

        code, out, err = self.run_loader()

        self.assertEqual(0, code, err)
        with open(self.keys_file, encoding="utf-8") as f:
            written = json.load(f)
        self.assertEqual({e["id"] for e in self.data}, {e["enterpriseId"] for e in written["enterprises"]})
        self.assertIn("sold-out slot booked full now", out)

    def test_one_slot_is_sold_out_through_octo_once_with_the_operator_key(self):
        with open(self.keys_file, "w", encoding="utf-8") as f:
            json.dump({"operator": {"operatorId": "op-demo", "apiKey": "op-key"}, "enterprises": []}, f)
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        full = [s for s in self.fake.slots.values() if s["status"] == "OPEN" and s["available"] == 0 and not s.get("history")]
        self.assertEqual(1, len(full))
        self.assertEqual(full[0]["capacity"], full[0]["confirmed"])
        self.assertEqual(["CONFIRMED"], [b["status"] for b in self.fake.bookings.values()])
        self.assertIn("sold-out slot booked full now", out)
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        self.assertEqual(1, len(self.fake.bookings))
        self.assertIn("sold-out slot already full", out)
        self.assertIn("Demo data (nothing to change)", out)

    def with_operator(self):
        with open(self.keys_file, "w", encoding="utf-8") as f:
            json.dump({"operator": {"operatorId": "op-demo", "name": "Демо-оператор", "apiKey": "op-key"},
                       "enterprises": []}, f)

    def test_history_imports_months_of_past_slots_and_bookings_once(self):
        self.with_operator()
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        past = [s for s in self.fake.slots.values() if s.get("history")]
        today = datetime.date.today()
        self.assertTrue(all(s["start"][:10] < today.isoformat() for s in past))
        oldest = min(datetime.date.fromisoformat(s["start"][:10]) for s in past)
        self.assertGreaterEqual((today - oldest).days, 80, "about three months")
        self.assertLessEqual((today - oldest).days, 7 * (load_demo.HISTORY_WEEKS + 1))
        self.assertTrue(150 <= len(past) <= 450, len(past))
        bookings = list(self.fake.imported.values())
        self.assertTrue(200 <= len(bookings) <= 700, f"a few hundred, not {len(bookings)}")
        self.assertEqual({"op-demo"}, {b["operatorId"] for b in bookings})
        self.assertTrue(all(s["confirmed"] <= s["capacity"] for s in past))
        booked = [s for s in past if s["confirmed"]]
        self.assertTrue(0.6 <= len(booked) / len(past) <= 0.9, "most past slots have bookings")
        fill = [s["confirmed"] / s["capacity"] for s in booked]
        self.assertGreaterEqual(min(fill), 0.25)
        self.assertTrue(any(f == 1.0 for f in fill), "some were full")
        self.assertTrue(any(f < 0.5 for f in fill))
        cancelled = [b for b in bookings if b["outcome"] == "CANCELLED"]
        self.assertTrue(0.05 <= len(cancelled) / len(bookings) <= 0.2, len(cancelled) / len(bookings))
        programs = {p["id"]: p["body"] for p in self.fake.programs.values()}
        late = 0
        for b in cancelled:
            slot = self.fake.slots[b["slotId"]]
            window = datetime.datetime.fromisoformat(slot["start"]) - datetime.timedelta(
                hours=programs[slot["excursionId"]]["cancellationCutoffHours"])
            late += datetime.datetime.fromisoformat(b["cancelledAt"].replace("Z", "+00:00")) > window
        self.assertTrue(0 < late < len(cancelled), "some, not all, cancelled within the cancellation window")
        kinds = {tuple(sorted(i["unitId"] for i in b["unitItems"])) for b in bookings}
        self.assertIn(("accompanying_adult", "child"), kinds, "school groups with their accompanying adults")
        self.assertIn(("adult",), kinds, "adult tourist groups")
        self.assertIn("Demo history: past slots +", out)
        with_programs = {e for e in self.fake.enterprises if any(p["enterpriseId"] == e for p in self.fake.programs.values())}
        self.assertEqual(with_programs, {a["enterpriseId"] for a in self.fake.agreements}, "one agreement per enterprise")
        self.assertEqual(len(with_programs), len(self.fake.agreements))
        self.assertTrue(all(a["operatorId"] == "op-demo" and a["model"] == "COMMISSION" and a["percent"] in (10, 12, 15)
                            and a["effectiveFrom"] <= oldest.isoformat() for a in self.fake.agreements))

        slots, imported, writes = len(self.fake.slots), len(self.fake.imported), len(self.fake.writes)
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        self.assertEqual((slots, imported), (len(self.fake.slots), len(self.fake.imported)))
        self.assertIn("Demo data (nothing to change)", out)
        self.assertIn("bookings +0", out)
        repeated = self.fake.writes[writes:]
        self.assertNotIn("POST /api/v1/bookings/history", repeated, "slots with seats taken get no bookings again")
        self.assertNotIn("POST /api/v1/agreements", repeated, "an agreement is set once")

    def test_history_plan_is_the_same_on_every_run_of_a_day(self):
        enterprise = next(e for e in self.data if e["id"] == "ent-fruzhe")
        entry = dict(enterprise["programs"][0], id="exc-1")
        units = load_demo.unit_ids(None, entry["program"])
        today = datetime.date(2026, 12, 5)
        operator = {"operatorId": "op-demo", "name": "Демо"}
        first = load_demo.plan_history(enterprise, entry, units, today, operator)
        self.assertEqual(first, load_demo.plan_history(enterprise, entry, units, today, operator))
        # a later day of the same week plans the same weeks: complete weeks only
        self.assertEqual(first, load_demo.plan_history(enterprise, entry, units, datetime.date(2026, 12, 6), operator))
        uuids = [b["uuid"] for s in first for b in s["bookings"]]
        self.assertEqual(len(uuids), len(set(uuids)))

    def test_history_waits_until_booking_service_knows_the_new_slots(self):
        self.with_operator()
        self.fake.unknown_slots_next = 3
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        self.assertEqual(0, self.fake.unknown_slots_next)
        self.assertTrue(self.fake.imported)

    def test_throttled_calls_are_retried(self):
        self.fake.throttle_next = 2
        code, out, err = self.run_loader()
        self.assertEqual(0, code, err)
        self.assertEqual(len(self.data), len(self.fake.enterprises))

    def test_dry_run_sends_nothing_and_prints_the_requests(self):
        self.server.shutdown()
        code, out, _ = self.run_loader("--dry-run")
        self.assertEqual(0, code)
        self.assertIn("POST /api/v1/enterprises", out)
        self.assertIn("/schedules", out)
        self.assertIn("dry run, nothing sent", out)
        self.assertEqual([], self.fake.writes)

    def test_every_program_is_complete_and_the_secure_site_needs_passports_ten_days_ahead(self):
        on_request = [p["program"] for e in self.data for p in e["programs"] if p["program"]["bookingMode"] == "ON_REQUEST"]
        self.assertEqual(1, len(on_request))
        self.assertEqual("PASSPORT", on_request[0]["rules"]["documents"])
        self.assertEqual(10, on_request[0]["rules"]["manifestLeadDays"])
        self.assertEqual(1, sum(1 for e in self.data for p in e["programs"] if p.get("closeOneSlot")))
        zones = {e["region"]: e["timeZone"] for e in self.data}
        self.assertEqual({"RU-KLU": "Europe/Moscow", "RU-SMO": "Europe/Moscow", "RU-IRK": "Asia/Irkutsk",
                          "RU-VLA": "Europe/Moscow"}, zones)
        for e in self.data:
            self.assertRegex(e["id"], r"^[a-z0-9][a-z0-9-]{2,63}$")
            self.assertTrue(1 <= len(e["programs"]) <= 2, e["id"])

    def test_the_museums_are_sold_by_opening_hours_without_a_schedule(self):
        by_hours = {e["region"]: p["program"] for e in self.data for p in e["programs"]
                    if p["program"].get("availabilityType") == "OPENING_HOURS"}
        self.assertEqual({"RU-KLU", "RU-IRK"}, set(by_hours))
        for e in self.data:
            for p in e["programs"]:
                hours = p["program"].get("availabilityType") == "OPENING_HOURS"
                self.assertEqual(hours, "openingHours" in p["program"], p["program"]["title"])
                self.assertEqual(hours, "schedule" not in p, p["program"]["title"])
        for program in by_hours.values():
            self.assertGreater(program["openingHours"]["dailyCapacity"], 0)
            for ranges in program["openingHours"]["weekly"].values():
                self.assertTrue(all(r["from"] < r["to"] for r in ranges), program["title"])


if __name__ == "__main__":
    unittest.main()
