"""Proleptic Gregorian arithmetic for any year, BCE included.

Time points are integers: seconds since 1970-01-01T00:00:00 on the proleptic Gregorian
calendar (no time zones, no leap seconds). Years are astronomical: year 0 is 1 BC,
year -489 is 490 BC. An int64 of seconds reaches about 292 billion years either way, and
the same integers are NumPy ``datetime64[s]`` values, so arrays of bounds cost 8 bytes each.

Days are counted the same way (days since 1970-01-01); ``days_from_civil`` and
``civil_from_days`` are Howard Hinnant's algorithms, exact for every integer year.
"""

from __future__ import annotations

__all__ = [
    "SEASON_MONTHS",
    "SECONDS_PER_DAY",
    "add_months",
    "add_months_to_seconds",
    "civil_from_days",
    "civil_from_seconds",
    "day_range",
    "days_from_civil",
    "days_in_month",
    "half_range",
    "is_leap",
    "iso_calendar",
    "iso_week_start",
    "iso_weeks_in_year",
    "month_range",
    "quarter_range",
    "season_range",
    "seconds",
    "week_range",
    "weekday",
    "year_range",
]


SECONDS_PER_DAY = 86_400

# Seasons as TIMEX3 writes them, with the months they cover (northern meteorological seasons;
# winter runs from December into the next year's February).
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def is_leap(year: int) -> bool:
    """Whether ``year`` (astronomical numbering) is a leap year."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Number of days in ``month`` (1-12) of ``year``."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """The (year, month, day) of a day count since 1970-01-01."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def weekday(days: int) -> int:
    """ISO weekday (Monday 1 ... Sunday 7) of a day count."""
    return (days + 3) % 7 + 1


def iso_week_start(year: int, week: int) -> int:
    """Day count of the Monday of ISO week ``week`` of ISO year ``year``."""
    jan4 = days_from_civil(year, 1, 4)
    return jan4 - (weekday(jan4) - 1) + (week - 1) * 7


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: the number of ISO weeks in ISO year ``year``."""
    return (iso_week_start(year + 1, 1) - iso_week_start(year, 1)) // 7


def iso_calendar(days: int) -> tuple[int, int, int]:
    """The ISO (year, week, weekday) of a day count."""
    year = civil_from_days(days)[0]
    if days >= iso_week_start(year + 1, 1):
        year += 1
    elif days < iso_week_start(year, 1):
        year -= 1
    start = iso_week_start(year, 1)
    return year, (days - start) // 7 + 1, weekday(days)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` (negative goes back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def seconds(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    """Seconds since 1970-01-01T00:00:00 of a proleptic Gregorian date and time."""
    return days_from_civil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second


def civil_from_seconds(value: int) -> tuple[int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second) of a seconds count."""
    days, rest = divmod(value, SECONDS_PER_DAY)
    year, month, day = civil_from_days(days)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return year, month, day, hour, minute, second


def year_range(year: int) -> tuple[int, int]:
    """[start, end) in seconds of a whole year."""
    return seconds(year), seconds(year + 1)


def month_range(year: int, month: int) -> tuple[int, int]:
    """[start, end) in seconds of a month."""
    ny, nm = add_months(year, month, 1)
    return seconds(year, month), seconds(ny, nm)


def day_range(year: int, month: int, day: int) -> tuple[int, int]:
    """[start, end) in seconds of a day."""
    start = seconds(year, month, day)
    return start, start + SECONDS_PER_DAY


def week_range(year: int, week: int) -> tuple[int, int]:
    """[start, end) in seconds of an ISO week."""
    start = iso_week_start(year, week) * SECONDS_PER_DAY
    return start, start + 7 * SECONDS_PER_DAY


def quarter_range(year: int, quarter: int) -> tuple[int, int]:
    """[start, end) in seconds of quarter 1-4."""
    first = 3 * (quarter - 1) + 1
    return seconds(year, first), seconds(*add_months(year, first, 3))


def half_range(year: int, half: int) -> tuple[int, int]:
    """[start, end) in seconds of half 1-2."""
    first = 6 * (half - 1) + 1
    return seconds(year, first), seconds(*add_months(year, first, 6))


def season_range(year: int, season: str) -> tuple[int, int]:
    """[start, end) in seconds of a season (SP, SU, FA, WI) of ``year``."""
    first, last = SEASON_MONTHS[season]
    return seconds(year, first), seconds(*add_months(year, first, last - first + 1))


def add_months_to_seconds(value: int, months: int) -> int:
    """A seconds count moved by whole calendar ``months`` (the day clamped to the month's
    length: 31 January + 1 month is 28/29 February), keeping the time of day."""
    year, month, day, hour, minute, second = civil_from_seconds(value)
    year, month = add_months(year, month, months)
    return seconds(year, month, min(day, days_in_month(year, month)), hour, minute, second)
