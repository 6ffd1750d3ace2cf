namespace Platform.Application.Identity;

/// <summary>
/// Serialises the changes that can take away an enabled admin (a demotion, a disable) across every instance, so two
/// admins removing each other cannot both pass the "another enabled admin remains" check.
/// </summary>
public interface IAdminRemovalLock
{
    /// <summary>Waits for the lock and holds it until the caller's transaction ends.</summary>
    Task AcquireAsync(CancellationToken cancellationToken);
}
