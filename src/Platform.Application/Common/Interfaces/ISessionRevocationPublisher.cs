namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Tells every API instance that sessions were revoked, so their access tokens are refused at once without a
/// database read per request. Called inside the revoking transaction (by the handler of
/// <c>SessionRevokedDomainEvent</c>): other instances hear of it when that transaction commits, and this instance
/// marks the sessions right after its commit.
/// </summary>
public interface ISessionRevocationPublisher
{
    Task PublishAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
