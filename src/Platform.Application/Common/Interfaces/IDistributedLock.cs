namespace Platform.Application.Common.Interfaces;

/// <summary>Database-wide locks that hold across API instances.</summary>
public interface IDistributedLock
{
    /// <summary>
    /// Tries to take a lock that is held until the current transaction ends. Returns false at once when another
    /// transaction (on any instance) holds it.
    /// </summary>
    Task<bool> TryAcquireForTransactionAsync(string key, CancellationToken cancellationToken);
}
