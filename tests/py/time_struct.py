# time.struct_time: 9 sequence fields plus tm_zone and tm_gmtoff.
import time

st = time.gmtime(1234567890)
print(st, len(st), st[:3], st[-1], st.tm_zone, st.tm_gmtoff)
print(type(st[:]).__name__, type(st[1:4]).__name__, st == tuple(st), st.tm_yday, st.tm_wday)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields, time._STRUCT_TM_ITEMS)
for arg in [(1, 2, 3), list(range(12)), 5, list(range(11)), tuple(range(10)), list(range(9))]:
    try:
        r = time.struct_time(arg)
        print(r, len(r), r.tm_zone, r.tm_gmtoff)
    except TypeError as e:
        print("TypeError:", e)
custom = time.struct_time((2009, 2, 13, 23, 31, 30, 4, 44, 0, "ABC", 3600))
print(time.strftime("%Y %Z %z", custom), time.asctime(custom))
print(time.strftime("%H:%M", (2009, 2, 13, 23, 31, 30, 4, 44, 0)))
for bad in [(2009, 13, 1, 0, 0, 0, 0, 1, 0), (2009, 1, 32, 0, 0, 0, 0, 1, 0), (2009, 1, 1, 24, 0, 0, 0, 1, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError:", e)
print(time.gmtime(-1.5)[:6], time.gmtime(0.99)[:6])
