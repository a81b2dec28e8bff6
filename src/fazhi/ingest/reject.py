"""The one way an input fails ingest: a reason a user can act on, recorded in rejects.csv."""


class Reject(Exception):
    """A raw file that cannot become a report; the message is the reason shown in rejects.csv."""
