namespace Platform.Domain.Common;

/// <summary>
/// Something that happened to an entity, raised by the entity's own method. The transaction behaviour hands the
/// events of a command to their in-transaction handlers just before it saves, so whatever they write (outbox rows,
/// notifications) commits or rolls back with the change.
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
