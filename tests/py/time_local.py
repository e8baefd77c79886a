# Local time in several time zones, chosen with TZ and time.tzset.
import time
import os

ZONES = ["UTC", "", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata",
         "America/St_Johns", "EST5EDT,M3.2.0,M11.1.0", "JST-9", "<+0530>-5:30",
         "CET-1CEST,M3.5.0,M10.5.0/3", "NZST-12NZDT,M9.5.0,M4.1.0/3", ":Europe/Paris", "Foo"]
STAMPS = [0, 1234567890, 1250000000, 1257053400, 1257057000, -1000000000, 2000000000, 4102444800]

for tz in ZONES:
    os.environ["TZ"] = tz
    time.tzset()
    print(repr(tz), time.timezone, time.altzone, time.daylight, time.tzname)
    for t in STAMPS:
        lt = time.localtime(t)
        print("  ", t, lt[:], lt.tm_zone, lt.tm_gmtoff, time.mktime(lt), time.ctime(t))
        print("     ", time.strftime("%Y-%m-%d %H:%M:%S %Z %z %j %a %b", lt))
    for tt in [(2009, 7, 1, 12, 0, 0, 0, 0, -1), (2009, 1, 1, 12, 0, 0, 0, 0, 1),
               (2009, 7, 1, 12, 0, 0, 0, 0, 0), (2009, 3, 8, 2, 30, 0, 0, 0, -1),
               (2009, 11, 1, 1, 30, 0, 0, 0, -1), (2009, 11, 1, 1, 30, 0, 0, 0, 0),
               (2009, 11, 1, 1, 30, 0, 0, 0, 1), (2009, 14, 40, 25, 61, 70, 0, 0, 0),
               (2010, 3, 28, 1, 30, 0, 0, 0, -1), (2010, 10, 31, 2, 30, 0, 0, 0, -1)]:
        print("   mktime", tt, time.mktime(tt))
    print("   strftime tuple", repr(time.strftime("%Z|%z", (2009, 2, 13, 23, 31, 30, 4, 44, 0))),
          repr(time.strftime("%Z|%z", (2009, 2, 13, 23, 31, 30, 4, 44, -1))))

os.environ["TZ"] = "UTC"
time.tzset()
print(time.localtime(1234567890) == time.gmtime(1234567890), time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff)
print(time.asctime((2009, 2, 3, 4, 5, 6, 1, 34, 0)), time.ctime(1e9))
for bad in ["x", 1e30, float("nan")]:
    try:
        time.localtime(bad)
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for bad in [(2009, 2, 13), "x", (1e10, 1, 1, 0, 0, 0, 0, 0, 0), (2 ** 40, 1, 1, 0, 0, 0, 0, 0, 0)]:
    try:
        time.mktime(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
