# Program: calendar arithmetic implemented by hand (leap years, weekdays, day counts).
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def month_days(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468
def weekday(y, m, d):
    return DAYS[(days_from_civil(y, m, d) + 3) % 7]
for date in [(1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (1969, 7, 20), (1900, 1, 1), (2100, 12, 31), (1, 1, 1)]:
    print(date, days_from_civil(*date), weekday(*date))
print([y for y in range(1896, 1930) if is_leap(y)], sum(is_leap(y) for y in range(1, 2001)))
def month_calendar(y, m):
    first = (days_from_civil(y, m, 1) + 3) % 7
    lines = [f"{MONTHS[m - 1]} {y}".center(20), "Mo Tu We Th Fr Sa Su"]
    cells = ["  "] * first + [f"{d:2}" for d in range(1, month_days(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print(month_calendar(2024, 2))
print(month_calendar(2023, 10))
print(days_from_civil(2024, 12, 25) - days_from_civil(2024, 1, 1), sum(month_days(2023, m) for m in range(1, 13)))
fridays13 = [(y, m) for y in range(2020, 2027) for m in range(1, 13) if weekday(y, m, 13) == "Friday"]
print(len(fridays13), fridays13[:6])
