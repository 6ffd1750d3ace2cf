namespace Platform.Application.Operations;

/// <summary>The recommendations for every route with recent requests, and how many requests per route they read at most.</summary>
public sealed record SloRecommendationsDto(DateTimeOffset GeneratedAt, int SampleSize, IReadOnlyList<SloRecommendationDto> Routes);
