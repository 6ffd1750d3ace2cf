namespace Platform.Domain.Common;

/// <summary>Base type for entities: identity by a time-ordered UUID (version 7).</summary>
public abstract class Entity
{
    protected Entity()
    {
    }

    protected Entity(Guid id) => Id = id;

    public Guid Id { get; protected set; }
}
