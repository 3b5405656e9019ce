#!/usr/bin/env python3
"""Reserve → ON_HOLD latency through the gateway, one request at a time, against the running local stack.

Sets up its own enterprise (Irkutsk), operator, program and slots with the admin key, then sends N OCTO
reserves (each a new booking of 1 seat, spread over slots of 40) and reports p50/p95/p99 of the time until
the answer (which is ON_HOLD only after the catalog held the seat over Kafka), plus confirm → email on the
local stack's SMTP catcher for the first few bookings when --emails is given.

Usage: load-tests/reserve-latency.py [--requests N] [--emails M] [--gateway URL] [--admin-key KEY]
Python 3 standard library only.
"""
import argparse
import datetime
import json
import statistics
import time
import urllib.error
import urllib.request
import uuid


def call(gateway, key, method, path, body=None):
    request = urllib.request.Request(gateway + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--emails", type=int, default=0)
    parser.add_argument("--gateway", default="http://localhost:8080")
    parser.add_argument("--messages", default="http://localhost:8025")
    parser.add_argument("--admin-key", default="dev-admin-key-change-me")
    args = parser.parse_args()
    gw, admin = args.gateway, args.admin_key

    tag = uuid.uuid4().hex[:8]
    enterprise_id = "ent-bench-" + tag
    status, _ = call(gw, admin, "POST", "/api/v1/enterprises", {
        "id": enterprise_id, "name": "Бенчмарк ГЭС", "legalName": "ООО «Бенчмарк»", "region": "RU-IRK",
        "city": "Иркутск", "address": "ул. Лермонтова, 1", "coordinates": {"lat": 52.25, "lon": 104.3},
        "industry": "ENERGY", "timeZone": "Asia/Irkutsk", "description": "Стенд для замеров",
        "contacts": {"email": "bench@" + tag + ".example", "phone": "+73952000000"}})
    assert status == 201, status
    _, ent = call(gw, admin, "POST", "/admin/api-keys", {"tenantType": "ENTERPRISE", "tenantId": enterprise_id, "label": "bench"})
    _, op = call(gw, admin, "POST", "/admin/operators", {"name": "Бенч-Тур", "email": "bench-op@" + tag + ".example", "phone": "+79000000000"})
    _, op_key = call(gw, admin, "POST", "/admin/api-keys", {"tenantType": "OPERATOR", "tenantId": op["id"], "label": "bench"})
    ent_key, op_key = ent["apiKey"], op_key["apiKey"]
    status, excursion = call(gw, ent_key, "POST", "/api/v1/excursions", {
        "title": "Замер " + tag, "description": "Стенд", "durationMinutes": 60, "languages": ["ru"], "minAge": 0,
        "bookingMode": "INSTANT", "meetingPoint": "КПП", "rules": {"photoAllowed": True, "documents": "NONE"},
        "units": [{"type": "ADULT", "price": 10000}], "minUnits": 1, "maxUnits": 40, "bookingCutoffHours": 1,
        "cancellationCutoffHours": 1})
    assert status == 201, excursion
    call(gw, ent_key, "POST", f"/api/v1/excursions/{excursion['id']}/publish")
    slots_needed = args.requests // 40 + 1
    start = datetime.date.today() + datetime.timedelta(days=10)
    _, schedule = call(gw, ent_key, "POST", f"/api/v1/excursions/{excursion['id']}/schedules", {
        "daysOfWeek": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"],
        "times": ["08:00", "10:00", "12:00", "14:00", "16:00", "18:00"], "from": start.isoformat(),
        "to": (start + datetime.timedelta(days=slots_needed // 6 + 1)).isoformat(), "capacity": 40})
    slots = schedule["slotIds"]
    _, product = call(gw, op_key, "GET", f"/octo/products/{excursion['id']}")
    unit = product["options"][0]["units"][0]["id"]

    def reserve(i):
        body = {"uuid": str(uuid.uuid4()), "productId": excursion["id"], "optionId": "DEFAULT",
                "availabilityId": slots[i // 40], "unitItems": [{"unitId": unit}]}
        t0 = time.perf_counter()
        status, answer = call(gw, op_key, "POST", "/octo/bookings", body)
        return (time.perf_counter() - t0) * 1000, status, answer

    for _ in range(100):  # the booking service learns the product from catalog events
        ms, status, answer = reserve(0)
        if status == 200:
            break
        time.sleep(0.2)
    for i in range(1, 21):  # warm-up
        reserve(i)
    latencies, statuses = [], {}
    for i in range(21, 21 + args.requests):
        ms, status, answer = reserve(i)
        key = answer.get("status") if status == 200 else answer.get("error")
        statuses[key] = statuses.get(key, 0) + 1
        latencies.append(ms)
    print(f"reserve -> answer through the gateway, {args.requests} sequential requests: "
          f"p50 {percentile(latencies, 50):.1f} ms, p95 {percentile(latencies, 95):.1f} ms, "
          f"p99 {percentile(latencies, 99):.1f} ms, mean {statistics.mean(latencies):.1f} ms; answers {statuses}")

    if args.emails:
        delays = []
        for i in range(args.emails):
            _, held = reserve(21 + args.requests + i)[1:]
            to = f"leader-{tag}-{i}@school.example"
            t0 = time.perf_counter()
            call(gw, op_key, "POST", f"/octo/bookings/{held['uuid']}/confirm", {"contact": {
                "fullName": "Руководитель группы", "emailAddress": to, "phoneNumber": "+79001112233", "locales": ["ru"]}})
            while True:
                with urllib.request.urlopen(args.messages + "/api/messages?to=" + to, timeout=10) as response:
                    if any(m["channel"] == "EMAIL" for m in json.loads(response.read())):
                        break
                if time.perf_counter() - t0 > 30:
                    raise SystemExit("no email within 30 s")
                time.sleep(0.005)
            delays.append((time.perf_counter() - t0) * 1000)
        print(f"confirm -> email on the SMTP catcher, {args.emails} bookings: p50 {percentile(delays, 50):.0f} ms, "
              f"p99 {percentile(delays, 99):.0f} ms")


if __name__ == "__main__":
    main()
