import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserManager } from 'oidc-client-ts';
import { useRecheckWhilePending } from './pendingRecheck';

describe('useRecheckWhilePending', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const manager = () => ({ signinSilent: vi.fn().mockResolvedValue(null) }) as unknown as UserManager & { signinSilent: ReturnType<typeof vi.fn> };

  it('renews the token every interval while the account is pending, so a placement shows without signing in again', () => {
    const userManager = manager();
    renderHook(() => useRecheckWhilePending(true, userManager, 1000));
    vi.advanceTimersByTime(3500);
    expect(userManager.signinSilent).toHaveBeenCalledTimes(3);
  });

  it('stops renewing once the token places the account', () => {
    const userManager = manager();
    const { rerender } = renderHook(({ pending }) => useRecheckWhilePending(pending, userManager, 1000), {
      initialProps: { pending: true },
    });
    vi.advanceTimersByTime(1000);
    rerender({ pending: false });
    vi.advanceTimersByTime(5000);
    expect(userManager.signinSilent).toHaveBeenCalledTimes(1);
  });

  it('never renews for an account that is placed', () => {
    const userManager = manager();
    renderHook(() => useRecheckWhilePending(false, userManager, 1000));
    vi.advanceTimersByTime(5000);
    expect(userManager.signinSilent).not.toHaveBeenCalled();
  });
});
