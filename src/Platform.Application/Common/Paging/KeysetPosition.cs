namespace Platform.Application.Common.Paging;

/// <summary>Where a keyset page ends: the last row's creation time and id (the tie-breaker).</summary>
public readonly record struct KeysetPosition(DateTimeOffset CreatedAt, Guid Id);
