namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Wakes one background worker of this instance: <see cref="Set"/> any number of times, and the next
/// <see cref="WaitAsync"/> returns at once (repeated sets before a wait fold into one). Set by the notification
/// listener when its channel's NOTIFY arrives or it reconnects, and by the worker itself when it has room for more.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);
    private readonly Lock gate = new();

    public void Set()
    {
        lock (gate)
        {
            if (semaphore.CurrentCount == 0)
            {
                semaphore.Release();
            }
        }
    }

    /// <summary>Waits until set or until <paramref name="timeout"/> passes; returns whether it was set.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            semaphore.Dispose();
        }
    }
}
