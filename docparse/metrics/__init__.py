"""Stage 8: the quantities a claim cites → :class:`~docparse.models.Metric`.

Every numeral run of a claim (Arabic ``13027``, Chinese ``三千零五十二``, ``百分之九十五``) is looked at
once and either becomes a metric or gets a reason why not (:func:`scan`):

- :mod:`.quantity` reads the run and what follows it: value, range, unit, qualifier, or the reason
  it is no quantity (a year, an ordinal, 十四五 …);
- :mod:`.context` reads the clause around it: level or change, baseline, label, subject, period,
  target flag;
- :mod:`.relations` relates the quantities of a claim: 分别 lists, totals and their parts;
- :mod:`.finder` runs over the runs of a claim and builds the models;
- :mod:`.claim` holds the claim being read and what carries over to the next one;
- :mod:`.lexicon` holds every word they know, as data.
"""

from .claim import ClaimState
from .context import fold_digits, period_of_title
from .finder import Candidate, find_metrics, scan

__all__ = ["Candidate", "ClaimState", "find_metrics", "fold_digits", "period_of_title", "scan"]
