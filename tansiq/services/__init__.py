"""Use cases over the store; authorization applies here, once, for every read and write."""

from tansiq.services.app import Tansiq, open_tansiq

__all__ = ["Tansiq", "open_tansiq"]
