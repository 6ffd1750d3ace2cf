namespace Platform.Application.Status;

/// <summary>
/// Tells every instance that what the status page shows has changed, so cached summaries are rebuilt: at once on
/// this instance once the transaction commits, and on the others when they hear of it (PostgreSQL NOTIFY).
/// Call it inside the transaction that makes the change.
/// </summary>
public interface IStatusChangePublisher
{
    Task PublishAsync(CancellationToken cancellationToken);
}
