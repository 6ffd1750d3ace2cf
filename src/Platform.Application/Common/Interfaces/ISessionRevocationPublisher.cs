namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Tells every API instance that sessions were revoked, so their access tokens are refused at once without a
/// database read per request. Must be called inside the transaction that revokes them: other instances hear of it
/// when that transaction commits, and this instance marks them as soon as it has committed.
/// </summary>
public interface ISessionRevocationPublisher
{
    Task PublishAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
