namespace Platform.Api.StatusPage;

public sealed record StatuspagePage(string Id, string Name, string Url, string TimeZone, DateTimeOffset UpdatedAt);
