using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>Each service's latest status event: what its current status is.</summary>
public interface ILatestStatusEvents
{
    /// <summary>
    /// Each service's latest event at or before <paramref name="at"/> (ties: the one recorded later), for the given
    /// services or, when <paramref name="serviceIds"/> is null, for every service. A service with no such event is
    /// left out.
    /// </summary>
    Task<Dictionary<Guid, (ServiceStatus Status, DateTimeOffset At)>> AtAsync(
        IReadOnlyCollection<Guid>? serviceIds, DateTimeOffset at, CancellationToken cancellationToken);
}
