namespace Platform.Application.Operations;

/// <summary>The error view: when it was computed, and every catalogued code (those seen first, most frequent first).</summary>
public sealed record ErrorCountsDto(DateTimeOffset GeneratedAt, IReadOnlyList<ErrorCountDto> Codes);
