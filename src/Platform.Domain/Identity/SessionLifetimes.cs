namespace Platform.Domain.Identity;

/// <summary>How long a session lives without use (idle) and at most (absolute).</summary>
public sealed record SessionLifetimes(TimeSpan Idle, TimeSpan Absolute)
{
    public SessionLifetimes Validate()
    {
        if (Idle <= TimeSpan.Zero || Absolute <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Idle), "Session lifetimes must be positive.");
        }

        return this;
    }
}
