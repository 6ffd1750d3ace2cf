namespace Platform.Application.Common.Messaging;

/// <summary>A response that names the resource it describes (used for audit rows of create commands).</summary>
public interface IHasId
{
    Guid Id { get; }
}
