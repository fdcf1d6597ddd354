"""Cancellation, clock, retry policy and client-side rate limits of the HTTP layer."""

import email.utils
import random
import threading
import time
from dataclasses import dataclass
from datetime import timezone

from .http_errors import canceled_error, host_of

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HOUR = 3600.0
DAY = 24 * HOUR


def cancel_check(is_canceled):
    """A no-argument callable telling whether to stop.

    ``is_canceled`` may be None, a callable, or a QGIS feedback object
    (anything with ``isCanceled()``).
    """
    if is_canceled is None:
        return lambda: False
    if hasattr(is_canceled, "isCanceled"):
        return is_canceled.isCanceled
    if callable(is_canceled):
        return is_canceled
    raise TypeError("is_canceled must be callable or have isCanceled()")


def raise_if_canceled(check):
    if check():
        raise canceled_error()


class SystemClock:
    """Real monotonic time and sleep (tests inject a fake with the same API)."""

    @staticmethod
    def monotonic():
        return time.monotonic()

    @staticmethod
    def sleep(seconds):
        time.sleep(seconds)


def interruptible_sleep(clock, seconds, check, step=0.1):
    """Sleep ``seconds`` in slices of ``step``, raising CanceledError if asked."""
    remaining = seconds
    while remaining > 0:
        raise_if_canceled(check)
        slice_ = min(step, remaining)
        clock.sleep(slice_)
        remaining -= slice_
    raise_if_canceled(check)


def parse_retry_after(value, now=None):
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date)."""
    if not value:
        return None
    value = str(value).strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        date = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if date is None:
        return None
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, date.timestamp() - now)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before trying a request again.

    ``backoff`` is the first delay, doubled at each retry up to
    ``backoff_max``, with jitter (between half and all of it). A
    ``Retry-After`` longer than ``max_wait`` is not waited for: the request
    fails at once with a message giving the delay.
    """

    max_retries: int = 4
    backoff: float = 0.5
    backoff_max: float = 30.0
    max_wait: float = 60.0
    statuses: frozenset = RETRY_STATUSES
    retry_network_errors: bool = True

    def delay(self, attempt, retry_after=None, jitter=random.random):
        """Seconds before retry ``attempt + 1``, or None to give up."""
        if attempt >= self.max_retries:
            return None
        if retry_after is not None:
            if retry_after > self.max_wait:
                return None
            return min(self.max_wait, retry_after * (1 + 0.1 * jitter()))
        ceiling = min(self.backoff_max, self.backoff * 2**attempt)
        return min(self.max_wait, ceiling / 2 + jitter() * ceiling / 2)


# --------------------------------------------------------------------------
# Rate limit and per-service rules
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class ServiceRule:
    """Rate (requests/s) and cache time-to-live (s) of URLs under ``prefix``."""

    prefix: str
    rate: float
    ttl: float


def service_rules(settings):
    """Published per-IP limits of the services, on the configured endpoints.

    IGN: WFS 30/s, isochrone 5/s, itinéraire 5/s (the lower of two published
    figures), geocoding 50/s; data.gouv.fr: not published, 10/s kept.
    """
    geopf, datagouv = settings.geopf_url, settings.datagouv_url
    return [
        ServiceRule(geopf + "/wfs", 30, 7 * DAY),
        ServiceRule(geopf + "/navigation/isochrone", 5, 30 * DAY),
        ServiceRule(geopf + "/navigation", 5, 30 * DAY),
        ServiceRule(geopf + "/geocodage", 50, 30 * DAY),
        ServiceRule(geopf, 10, DAY),
        ServiceRule(datagouv + "/api/1/datasets/r/", 10, DAY),
        ServiceRule(datagouv, 10, HOUR),
    ]


def match_rule(rules, url):
    """The rule with the longest prefix matching ``url``, or None."""
    matches = [rule for rule in rules if url.startswith(rule.prefix)]
    return max(matches, key=lambda rule: len(rule.prefix)) if matches else None


class TokenBucket:
    """Token bucket: ``rate`` tokens per second, at most ``burst`` saved up."""

    def __init__(self, rate, clock, burst=1.0):
        self.rate = float(rate)
        self.burst = float(burst)
        self.clock = clock
        self._tokens = self.burst
        self._last = clock.monotonic()
        self._lock = threading.Lock()

    def reserve(self):
        """Take a token; return the seconds to wait before using it."""
        with self._lock:
            now = self.clock.monotonic()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1.0
            return 0.0 if self._tokens >= 0 else -self._tokens / self.rate


class RateLimiter:
    """One token bucket per service rule (or per host for other URLs)."""

    def __init__(self, rules, clock, default_rate=10.0):
        self.rules = list(rules)
        self.clock = clock
        self.default_rate = default_rate
        self._buckets = {}
        self._lock = threading.Lock()

    def _bucket(self, url):
        rule = match_rule(self.rules, url)
        name, rate = (rule.prefix, rule.rate) if rule else (host_of(url), self.default_rate)
        with self._lock:
            if name not in self._buckets:
                self._buckets[name] = TokenBucket(rate, self.clock)
            return self._buckets[name]

    def acquire(self, url, check=lambda: False):
        """Wait (cancellably) until a request to ``url`` is allowed."""
        wait = self._bucket(url).reserve()
        if wait > 0:
            interruptible_sleep(self.clock, wait, check)
        return wait
