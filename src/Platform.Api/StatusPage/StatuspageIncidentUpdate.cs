namespace Platform.Api.StatusPage;

public sealed record StatuspageIncidentUpdate(
    string Id,
    string Status,
    string Body,
    string IncidentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset DisplayAt,
    object? AffectedComponents,
    bool DeliverNotifications,
    string? CustomTweet,
    string? TweetId);
