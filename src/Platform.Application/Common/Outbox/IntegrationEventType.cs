namespace Platform.Application.Common.Outbox;

/// <summary>A kind of integration event: its type name, what it means, and the DTO its payload is.</summary>
public sealed record IntegrationEventType(string Name, string Description, Type PayloadType);
