namespace Platform.Testing;

/// <summary>
/// A clock tests can move forward. It runs with real time plus an offset, so components that wait for time to
/// pass (Quartz) still see it pass, while tests can jump hours ahead.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock gate = new();
    private TimeSpan offset = TimeSpan.Zero;
    private DateTimeOffset? frozenAt;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return (frozenAt ?? DateTimeOffset.UtcNow) + offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            offset += by;
        }
    }

    /// <summary>Stops real time from moving the clock; only <see cref="Advance"/> moves it afterwards.</summary>
    public void Freeze()
    {
        lock (gate)
        {
            frozenAt ??= DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Moves the clock forward by one millisecond, so rows written one after another get distinct times.</summary>
    public DateTimeOffset Tick()
    {
        Advance(TimeSpan.FromMilliseconds(1));
        return GetUtcNow();
    }
}
