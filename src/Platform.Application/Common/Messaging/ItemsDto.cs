namespace Platform.Application.Common.Messaging;

/// <summary>A plain list wrapped in an object, so the response can grow fields without breaking clients.</summary>
public sealed record ItemsDto<T>(IReadOnlyList<T> Items);
