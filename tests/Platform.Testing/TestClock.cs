namespace Platform.Testing;

/// <summary>A clock tests can move. Starts at the real current time so database defaults and tokens agree.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    /// <summary>Moves the clock forward by one microsecond, so rows written one after another get distinct times.</summary>
    public DateTimeOffset Tick()
    {
        Advance(TimeSpan.FromTicks(10));
        return GetUtcNow();
    }
}
