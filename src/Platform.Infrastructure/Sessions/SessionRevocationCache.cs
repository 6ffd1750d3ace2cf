using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Application.Identity;

namespace Platform.Infrastructure.Sessions;

/// <summary>
/// The sessions this instance knows were revoked recently, in memory, so checking an access token costs no database
/// read. An entry is kept for as long as an access token of that session could still be valid (its lifetime plus
/// the validation clock skew and a margin), then forgotten.
/// </summary>
public sealed class SessionRevocationCache(IOptions<AuthOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> revoked = new();

    /// <summary>How far back revocations still matter: older ones only concern access tokens that have expired.</summary>
    public TimeSpan Window => options.Value.AccessTokenLifetime + Margin;

    /// <summary>When the listener last (re)loaded revocations and began listening; null while it is not listening.</summary>
    public DateTimeOffset? ListeningSince { get; internal set; }

    public int Count => revoked.Count;

    public bool IsRevoked(Guid sessionId) => revoked.ContainsKey(sessionId);

    public void MarkRevoked(IEnumerable<Guid> sessionIds, DateTimeOffset? revokedAt = null)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        var forgetAt = (revokedAt ?? timeProvider.GetUtcNow()) + Window;
        foreach (var id in sessionIds)
        {
            revoked[id] = forgetAt;
        }
    }

    public void Purge()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (id, forgetAt) in revoked)
        {
            if (forgetAt <= now)
            {
                revoked.TryRemove(id, out _);
            }
        }
    }
}
