"""The single source of truth for what the dataset publishes: fields, tables, package metadata."""

from fazhi.codebook.fields import FIELDS
from fazhi.codebook.package import LICENSES, PACKAGE, RELEASED, VERSION
from fazhi.codebook.resources import INTERIM, RESOURCES

__all__ = ["FIELDS", "INTERIM", "LICENSES", "PACKAGE", "RELEASED", "RESOURCES", "VERSION"]
