from __future__ import annotations

import claimledger.reconcile as reconcile


def test_reconcile_public_api_is_sorted_and_complete():
    assert reconcile.__all__ == sorted(reconcile.__all__, key=str.casefold)
    assert all(hasattr(reconcile, name) for name in reconcile.__all__)


def test_reconcile_empty_ledger():
    result = reconcile.cross_check([])
    assert result == reconcile.CrossCheckResult()
