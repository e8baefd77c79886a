import datetime

d = datetime.datetime(2024, 2, 29, 13, 45, 30, 123456)
print(d, d.isoformat(), d + datetime.timedelta(days=1, hours=12), d.strftime("%Y-%m-%d %H:%M:%S %a %b %j %p"))
print(datetime.date(2024, 1, 1).weekday(), datetime.date.fromisoformat("2023-12-25"), d.replace(tzinfo=datetime.timezone.utc).isoformat())
print(datetime.datetime.strptime("2021-03-04 05:06", "%Y-%m-%d %H:%M"), repr(datetime.timedelta(seconds=-1)))
print(datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1), datetime.timedelta(days=1) / datetime.timedelta(hours=1))
tz = datetime.timezone(datetime.timedelta(hours=5, minutes=30), "IST")
u = datetime.datetime(2020, 1, 1, 12, tzinfo=datetime.timezone.utc)
print(u.astimezone(tz), u.astimezone(tz).tzname(), u.timestamp(), datetime.datetime.fromtimestamp(0, datetime.timezone.utc))
print(tuple(datetime.date(2020, 5, 17).isocalendar()), datetime.date(2020, 5, 17).toordinal(), datetime.date.fromordinal(737000))
print(datetime.time(12, 30, 5).isoformat(), datetime.time(1, 2) < datetime.time(1, 3), datetime.datetime.combine(datetime.date(2000, 1, 1), datetime.time(8)))
print(repr(d), repr(d.date()), hash(d) == hash(d.replace()), d > datetime.datetime(2000, 1, 1))
print(sorted([datetime.date(2021, 1, 2), datetime.date(2020, 12, 31)]), datetime.timedelta(weeks=1, microseconds=5))
print(datetime.datetime.fromisoformat("2011-11-04T00:05:23+04:00"), format(d, "%d/%m/%Y"), f"{d:%H:%M}")
try:
    datetime.date(2023, 2, 29)
except ValueError as e:
    print("ValueError")  # (the C module and datetime.py word it differently)
